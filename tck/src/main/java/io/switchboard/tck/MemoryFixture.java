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

import io.switchboard.Capability;
import io.switchboard.Destination;
import io.switchboard.ProducerSettings;
import io.switchboard.memory.MemoryBroker;
import io.switchboard.memory.StoredMessage;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixture over a {@link MemoryBroker}: the kit's own fixture, for the memory binding and for the test bindings
 * that wrap it. The probe reads {@link MemoryBroker#deliverable}, which is what a consumer would get, not
 * anything the producer reports.
 */
public final class MemoryFixture implements BindingFixture {
    private static final long POLL_NANOS = 5_000_000L;

    private final String binding;
    private final Set<Capability> capabilities;
    private final MemoryBroker broker;
    private final boolean withBrokerControl;
    private final String secretKey;
    private final String secret;
    private Destination secretsTopic;

    /**
     * A fixture for {@code binding}, a binding that writes to the memory broker named after it.
     *
     * @param capabilities      what the binding claims
     * @param withBrokerControl whether the kit may stop and start the broker
     */
    public MemoryFixture(String binding, Set<Capability> capabilities, boolean withBrokerControl) {
        this(binding, capabilities, withBrokerControl, null, null, "tck-" + binding);
    }

    private MemoryFixture(String binding, Set<Capability> capabilities, boolean withBrokerControl, String secretKey,
                          String secret, String brokerName) {
        this.binding = binding;
        this.capabilities = Set.copyOf(capabilities);
        this.broker = MemoryBroker.named(brokerName).autoCreateTopics(false);
        this.withBrokerControl = withBrokerControl;
        this.secretKey = secretKey;
        this.secret = secret;
    }

    /**
     * The same fixture for a binding that takes a secret under {@code <binding>.<key>}: the secret cases run with
     * it (the memory broker authenticates nobody, so there is no wrong secret to try).
     */
    public MemoryFixture withSecret(String key, String value) {
        return new MemoryFixture(binding, capabilities, withBrokerControl, key, value, broker.name());
    }

    @Override
    public synchronized Optional<SecretSettings> secretSettings() {
        if (secret == null) {
            return Optional.empty();
        }
        if (secretsTopic == null) {
            secretsTopic = broker.createTopic("tck-secrets", 1);
        }
        return Optional.of(new SecretSettings(Map.of(binding + "." + secretKey, secret), Map.of(), Set.of(secret),
                secretsTopic));
    }

    /** The memory binding itself, which claims every capability, with broker control. */
    public static MemoryFixture memoryBinding() {
        return new MemoryFixture("memory", EnumSet.allOf(Capability.class), true);
    }

    /** The memory binding on the in-JVM broker named {@code brokerName} (for a demo's own broker, say). */
    public static MemoryFixture memoryBinding(String brokerName) {
        return new MemoryFixture("memory", EnumSet.allOf(Capability.class), true, null, null, brokerName);
    }

    /** The broker behind the fixture. */
    public MemoryBroker broker() {
        return broker;
    }

    @Override
    public Map<String, String> producerProperties() {
        return Map.of(ProducerSettings.BINDING, binding, binding + ".broker", broker.name());
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public Destination createDestination(String name, int partitions) {
        return broker.createTopic(name, partitions);
    }

    @Override
    public Destination createQueue(String name) {
        return broker.createQueue(name);
    }

    @Override
    public NativeProbe probe() {
        return this::read;
    }

    /** The memory broker's own placement of a keyed message sent without a partition. */
    @Override
    public Optional<NativePartitioner> nativePartitioner() {
        return Optional.of((destination, partitions, keys) -> {
            Map<String, Integer> placed = new LinkedHashMap<>();
            keys.forEach(key -> placed.put(key, MemoryBroker.keyPartition(key, partitions)));
            return placed;
        });
    }

    @Override
    public Optional<BrokerControl> brokerControl() {
        if (!withBrokerControl) {
            return Optional.empty();
        }
        return Optional.of(BrokerControl.of(broker::stop, broker::start));
    }

    private List<ProbedMessage> read(Destination destination, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<StoredMessage> found = broker.deliverable(destination.name());
            if (found.size() >= expected || System.nanoTime() - deadline >= 0) {
                return found.stream().map(MemoryFixture::probed).toList();
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private static ProbedMessage probed(StoredMessage m) {
        return new ProbedMessage(m.key(), m.value(), m.headers(), m.partition(), m.offset(), m.timestamp(), m.priority());
    }

    @Override
    public String toString() {
        return "MemoryFixture[" + binding + " on " + broker.name() + "]";
    }
}
