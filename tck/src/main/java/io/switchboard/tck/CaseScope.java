/*
 * Copyright 2026 The Switchboard authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.switchboard.tck;

import io.switchboard.Destination;
import io.switchboard.Partitioner;
import io.switchboard.Producer;
import io.switchboard.ProducerBuilder;
import io.switchboard.ProducerSettings;
import io.switchboard.Serializer;
import io.switchboard.Switchboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What one case of the kit opened, so that it is cleaned up whatever the case did: the producers it created
 * (closed with a bounded close afterwards) and the broker, started again if the case stopped it. It also names
 * the case's destinations, uniquely per run, since every case shares the fixture's broker.
 */
final class CaseScope {
    /** Settings every producer of the kit starts from; the fixture's and then the case's own override them. */
    static final Map<String, String> KIT_DEFAULTS = Map.of(
            ProducerSettings.DELIVERY_TIMEOUT, "15s",
            ProducerSettings.CLOSE_TIMEOUT, "10s",
            ProducerSettings.MAX_BLOCK, "5s");
    /** How long the clean-up close of a producer may take. */
    static final Duration CLEANUP_CLOSE = Duration.ofSeconds(5);
    /** How long the broker control may take to stop or start the broker. */
    static final Duration BROKER_CONTROL_BOUND = Duration.ofSeconds(90);

    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);
    private static final AtomicLong COUNTER = new AtomicLong();

    private final BindingFixture fixture;
    private final String caseName;
    private final List<Producer<?>> producers = new CopyOnWriteArrayList<>();
    private volatile boolean brokerStopped;

    CaseScope(BindingFixture fixture, String caseName) {
        this.fixture = fixture;
        this.caseName = kebab(caseName);
    }

    /** The fixture this case runs on. */
    BindingFixture fixture() {
        return fixture;
    }

    /** A destination name no other case or run uses, readable in a broker's admin tool. */
    String uniqueName(String hint) {
        String base = "tck-" + (hint == null || hint.isEmpty() ? caseName : caseName + "-" + hint);
        if (base.length() > 80) {
            base = base.substring(0, 80);
        }
        return base + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }

    /** Creates a fresh destination with the given number of partitions. */
    Destination destination(int partitions) {
        return fixture.createDestination(uniqueName(null), partitions);
    }

    /** Creates a fresh queue. */
    Destination queue() {
        return fixture.createQueue(uniqueName("queue"));
    }

    /**
     * A builder with the kit's defaults, the fixture's properties and resources, and then {@code settings}; the
     * case builds it (for cases that expect the build to fail) or calls {@link #open}.
     */
    <V> ProducerBuilder<V> builder(Serializer<V> serializer, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(KIT_DEFAULTS);
        all.putAll(fixture.producerProperties());
        all.putAll(settings);
        ProducerBuilder<V> builder = Switchboard.builder(serializer).properties(all);
        fixture.producerResources().forEach((type, object) -> addResource(builder, type, object));
        return builder;
    }

    /** Builds a producer that is closed after the case. */
    <V> Producer<V> open(Serializer<V> serializer, Map<String, String> settings, Partitioner partitioner) {
        ProducerBuilder<V> builder = builder(serializer, settings);
        if (partitioner != null) {
            builder.partitioner(partitioner);
        }
        return track(builder.build());
    }

    /** Registers a producer built elsewhere so that it is closed after the case. */
    <V> Producer<V> track(Producer<V> producer) {
        producers.add(producer);
        return producer;
    }

    /** The fixture's broker control, if any. */
    Optional<BrokerControl> brokerControl() {
        return fixture.brokerControl();
    }

    /** Stops the broker (bounded); it is started again after the case if the case does not. */
    void stopBroker() {
        BrokerControl control = fixture.brokerControl().orElseThrow(() -> new IllegalStateException(
                "the fixture offers no broker control"));
        brokerStopped = true;
        assertTimeoutPreemptively(BROKER_CONTROL_BOUND, control::stop,
                "the fixture's broker control did not stop the broker within " + BROKER_CONTROL_BOUND);
    }

    /** Starts the broker again (bounded). */
    void startBroker() {
        BrokerControl control = fixture.brokerControl().orElseThrow(() -> new IllegalStateException(
                "the fixture offers no broker control"));
        assertTimeoutPreemptively(BROKER_CONTROL_BOUND, control::start,
                "the fixture's broker control did not start the broker within " + BROKER_CONTROL_BOUND);
        brokerStopped = false;
    }

    /**
     * Starts the broker if the case left it stopped, then closes every producer of the case with a bounded close.
     *
     * @throws AssertionError when a producer's close does not return within its bound
     */
    void close() {
        List<Throwable> problems = new ArrayList<>();
        if (brokerStopped) {
            try {
                startBroker();
            } catch (Throwable e) {
                problems.add(e);
            }
        }
        for (Producer<?> producer : producers) {
            try {
                assertTimeoutPreemptively(CLEANUP_CLOSE.plus(ContractPart.MARGIN),
                        () -> producer.close(CLEANUP_CLOSE),
                        "close(" + CLEANUP_CLOSE + ") of a producer after the case did not return in bound");
            } catch (Throwable e) {
                problems.add(e);
            }
        }
        producers.clear();
        if (!problems.isEmpty()) {
            AssertionError error = new AssertionError("cleaning up after the case failed: " + problems.get(0));
            problems.forEach(error::addSuppressed);
            throw error;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void addResource(ProducerBuilder<?> builder, Class<?> type, Object object) {
        builder.resource((Class) type, object);
    }

    private static String kebab(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else if (Character.isLetterOrDigit(c)) {
                out.append(c);
            } else {
                out.append('-');
            }
        }
        return out.toString().toLowerCase(Locale.ROOT).replaceAll("-+", "-").replaceAll("^-|-$", "");
    }
}
