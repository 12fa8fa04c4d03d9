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
package io.switchboard.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.Receipt;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import io.switchboard.memory.MemoryBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** Every meter of {@link SwitchboardMetrics}, with the values the memory binding's sends give it. */
class MetricsOnTheMemoryBindingTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MemoryBroker broker = MemoryBroker.named("metrics-" + UUID.randomUUID());
    private final List<Producer<?>> opened = new ArrayList<>();

    @AfterEach
    void close() {
        broker.start();
        opened.forEach(p -> p.close(Duration.ofSeconds(5)));
    }

    @Test
    void acknowledgedSendsAreTimedAndCountedWithTheProducersTags() {
        Producer<String> producer = open(SwitchboardMetrics.of(registry), "switchboard.client-id", "orders-app");
        broker.createTopic("orders", 2);
        for (int i = 0; i < 5; i++) {
            producer.send(Message.to("orders").key("k" + i).value("v" + i));
        }

        Timer timer = registry.get(SwitchboardMetrics.SEND).tags("binding", "memory", "client.id", "orders-app",
                "destination", "orders", "outcome", "acknowledged", "reason", "none").timer();
        assertThat(timer.count()).isEqualTo(5);
        assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(registry.get(SwitchboardMetrics.OUTCOMES).tags("outcome", "acknowledged").counter().count()).isEqualTo(5);
    }

    @Test
    void failuresAreCountedByReasonAndBufferFullRejectionsOnTheirOwn() {
        Producer<String> producer = open(SwitchboardMetrics.of(registry), "switchboard.buffer.max-messages", "2",
                "switchboard.buffer.when-full", "fail", "switchboard.delivery-timeout", "1s");
        broker.createTopic("orders", 1);
        broker.stop();
        List<CompletableFuture<Receipt>> sends = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sends.add(producer.sendAsync(Message.to("orders").value("v" + i)));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> sends.stream().allMatch(CompletableFuture::isDone));

        assertThat(registry.get(SwitchboardMetrics.BUFFER_FULL).tags("destination", "orders").counter().count()).isEqualTo(3);
        assertThat(registry.get(SwitchboardMetrics.SEND).tags("outcome", "failed", "reason", "buffer_full").timer().count())
                .isEqualTo(3);
        assertThat(registry.get(SwitchboardMetrics.OUTCOMES).tags("outcome", "failed").counters())
                .extracting(Meter::getId).extracting(id -> id.getTag("reason")).contains("buffer_full");
        assertThat(registry.get(SwitchboardMetrics.OUTCOMES).tags("outcome", "failed").counters().stream()
                .mapToDouble(Counter::count).sum()).as("every send failed: 3 refused, 2 timed out").isEqualTo(5);
    }

    @Test
    void retriesAndDeadLetteredCopiesAreCounted() {
        Producer<String> producer = Switchboard.builder(Serializers.string())
                .property("switchboard.binding", RefusingBindingProvider.NAME)
                .property("switchboard.retry.max-attempts", "3").property("switchboard.retry.backoff", "10ms")
                .property("switchboard.dead-letter", "orders.dlq").interceptor(SwitchboardMetrics.of(registry)).build();
        opened.add(producer);
        CompletableFuture<Receipt> send = producer.sendAsync(Message.to("orders").value("refused"));
        await().atMost(Duration.ofSeconds(15)).until(send::isDone);
        producer.flush(Duration.ofSeconds(5));

        assertThat(send).isCompletedExceptionally();
        assertThat(registry.get(SwitchboardMetrics.RETRIES).tags("destination", "orders").counter().count())
                .as("attempts 2 and 3").isEqualTo(2);
        assertThat(registry.get(SwitchboardMetrics.DEAD_LETTERS).tags("destination", "orders").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(SwitchboardMetrics.SEND).tags("destination", "orders", "outcome", "failed",
                "reason", "unavailable").timer().count()).isEqualTo(1);
    }

    @Test
    void theBufferGaugesShowWhatIsInFlightAndAreRemovedOnClose() {
        Producer<String> producer = open(SwitchboardMetrics.of(registry), "switchboard.client-id", "gauged",
                "switchboard.buffer.max-messages", "100", "switchboard.delivery-timeout", "30s");
        broker.createTopic("orders", 1);
        broker.stop();
        for (int i = 0; i < 3; i++) {
            producer.sendAsync(Message.to("orders").value("1234567890"));
        }

        assertThat(gauge(SwitchboardMetrics.BUFFERED_MESSAGES).value()).isEqualTo(3);
        assertThat(gauge(SwitchboardMetrics.BUFFERED_BYTES).value()).isEqualTo(30);
        assertThat(gauge(SwitchboardMetrics.BUFFER_LIMIT_MESSAGES).value()).isEqualTo(100);
        broker.start();
        producer.flush(Duration.ofSeconds(10));
        assertThat(gauge(SwitchboardMetrics.BUFFERED_MESSAGES).value()).isZero();

        producer.close(Duration.ofSeconds(5));
        assertThat(registry.find(SwitchboardMetrics.BUFFERED_MESSAGES).tags("client.id", "gauged").gauges()).isEmpty();
    }

    @Test
    void destinationsBeyondTheCapAreTaggedOther() {
        Producer<String> producer = open(SwitchboardMetrics.of(registry).maxDestinations(2));
        for (String topic : List.of("a", "b", "c", "d")) {
            broker.createTopic(topic, 1);
            producer.send(Message.to(topic).value("x"));
        }

        assertThat(registry.find(SwitchboardMetrics.SEND).timers()).extracting(t -> t.getId().getTag("destination"))
                .containsExactlyInAnyOrder("a", "b", SwitchboardMetrics.OTHER);
        assertThat(registry.get(SwitchboardMetrics.SEND).tags("destination", SwitchboardMetrics.OTHER).timer().count())
                .isEqualTo(2);
    }

    @Test
    void oneInstanceServesSeveralProducersApartByClientId() {
        SwitchboardMetrics metrics = SwitchboardMetrics.of(registry);
        Producer<String> first = open(metrics, "switchboard.client-id", "first");
        Producer<String> second = open(metrics, "switchboard.client-id", "second");
        broker.createTopic("orders", 1);
        first.send(Message.to("orders").value("1"));
        second.send(Message.to("orders").value("2"));
        second.send(Message.to("orders").value("3"));

        assertThat(registry.get(SwitchboardMetrics.SEND).tags("client.id", "first").timer().count()).isEqualTo(1);
        assertThat(registry.get(SwitchboardMetrics.SEND).tags("client.id", "second").timer().count()).isEqualTo(2);
    }

    @Test
    void theConfigurationKeyTurnsTheMetricsOnInTheGlobalRegistry() {
        Metrics.addRegistry(registry);
        try {
            broker.createTopic("orders", 1);
            Producer<String> producer = Switchboard.builder(Serializers.string()).property("switchboard.binding", "memory")
                    .property("memory.broker", broker.name()).property("switchboard.interceptors", "micrometer")
                    .property("switchboard.client-id", "by-key").build();
            opened.add(producer);
            producer.send(Message.to("orders").value("v"));

            assertThat(registry.get(SwitchboardMetrics.SEND).tags("client.id", "by-key").timer().count()).isEqualTo(1);
        } finally {
            Metrics.removeRegistry(registry);
        }
    }

    @Test
    void anUnknownInterceptorNameIsRefusedNamingTheOnesThereAre() {
        var builder = Switchboard.builder(Serializers.string()).property("switchboard.binding", "memory")
                .property("switchboard.interceptors", "micrometer,statsd");

        assertThat(catchThrowable(builder::build)).isInstanceOf(MessagingException.class)
                .hasMessageContaining("statsd").hasMessageContaining("[micrometer]");
    }

    private Gauge gauge(String name) {
        return registry.get(name).tags("client.id", "gauged").gauge();
    }

    private Producer<String> open(SwitchboardMetrics metrics, String... settings) {
        var builder = Switchboard.builder(Serializers.string()).property("switchboard.binding", "memory")
                .property("memory.broker", broker.name()).interceptor(metrics);
        for (int i = 0; i < settings.length; i += 2) {
            builder.property(settings[i], settings[i + 1]);
        }
        Producer<String> producer = builder.build();
        opened.add(producer);
        return producer;
    }
}
