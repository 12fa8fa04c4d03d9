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
package io.switchboard.memory;

import io.switchboard.Destination;
import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.spi.OutboundRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A broker inside the JVM: topics with partitions, queues, and a switch that makes it unavailable and back.
 * Producers on the memory binding write here; application tests read what arrived, per destination and in
 * order, without a real broker.
 *
 * <pre>{@code
 * MemoryBroker broker = MemoryBroker.named("orders-test");
 * broker.createTopic("orders", 3);
 * try (Producer<String> p = Switchboard.producer("memory://orders-test", Serializers.string())) {
 *     p.send(Message.to("orders").key("k").value("v"));
 * }
 * assertThat(broker.messages("orders")).hasSize(1);
 * }</pre>
 *
 * <p>Keyed messages land on the partition Kafka's default partitioner would pick; unkeyed ones without a chosen
 * partition go round the partitions in turn. While stopped, the broker accepts no writes: producers hold their
 * records, as a real client buffers while its broker is away.
 */
public final class MemoryBroker {
    /** The broker used when no name is configured. */
    public static final String DEFAULT_NAME = "default";

    private static final Map<String, MemoryBroker> BROKERS = new ConcurrentHashMap<>();

    private final String name;
    private final Map<String, StoredDestination> destinations = new ConcurrentHashMap<>();
    private final List<Runnable> startListeners = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private volatile boolean running = true;
    private volatile boolean autoCreateTopics = true;
    private volatile int defaultPartitions = 4;

    private MemoryBroker(String name) {
        this.name = name;
    }

    /** The broker with this name in this JVM, created on first use. */
    public static MemoryBroker named(String name) {
        if (name == null || name.isBlank()) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "memory broker name is blank; expected a name such as \"test\"");
        }
        return BROKERS.computeIfAbsent(name, MemoryBroker::new);
    }

    /** The broker named {@value #DEFAULT_NAME}. */
    public static MemoryBroker defaultBroker() {
        return named(DEFAULT_NAME);
    }

    /**
     * The partition this broker puts a keyed message on when the producer names none: murmur2 of the UTF-8 key,
     * as Kafka's default partitioner computes it, modulo {@code partitions}.
     *
     * @param key        the message's key
     * @param partitions the destination's partition count, 1 or more
     * @return a partition from 0 to {@code partitions - 1}
     */
    public static int keyPartition(String key, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be 1 or more, was " + partitions);
        }
        return KeyHash.partition(key, partitions);
    }

    /** This broker's name, as in {@code memory://name}. */
    public String name() {
        return name;
    }

    /** Creates a topic (idempotent for the same partition count). */
    public Destination createTopic(String topic, int partitions) {
        if (partitions < 1) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "topic " + topic + " needs 1 or more partitions, was " + partitions);
        }
        StoredDestination created = destinations.computeIfAbsent(topic, n -> new StoredDestination(n, Destination.Kind.TOPIC, partitions));
        if (created.kind != Destination.Kind.TOPIC || created.partitionCount() != partitions) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "destination " + topic + " already exists as " + created);
        }
        return Destination.topic(topic);
    }

    /** Creates a queue (idempotent). */
    public Destination createQueue(String queue) {
        StoredDestination created = destinations.computeIfAbsent(queue, n -> new StoredDestination(n, Destination.Kind.QUEUE, 1));
        if (created.kind != Destination.Kind.QUEUE) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "destination " + queue + " already exists as " + created);
        }
        return Destination.queue(queue);
    }

    /** Whether writing to an unknown topic creates it (true by default), or fails {@link Reason#NOT_FOUND}. */
    public MemoryBroker autoCreateTopics(boolean enabled) {
        this.autoCreateTopics = enabled;
        return this;
    }

    /** The partition count of topics created automatically (4 by default). */
    public MemoryBroker defaultPartitions(int partitions) {
        if (partitions < 1) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "default partitions must be 1 or more, was " + partitions);
        }
        this.defaultPartitions = partitions;
        return this;
    }

    /** Makes the broker unavailable: writes wait in the producers until {@link #start()}. Stored messages stay. */
    public void stop() {
        running = false;
    }

    /** Makes the broker available again; producers write what they held, in order. */
    public void start() {
        running = true;
        startListeners.forEach(Runnable::run);
    }

    /** Whether the broker accepts writes. */
    public boolean isRunning() {
        return running;
    }

    /** Every message stored in the destination, in arrival order (all partitions). Empty if it does not exist. */
    public List<StoredMessage> messages(String destination) {
        StoredDestination stored = destinations.get(destination);
        return stored == null ? List.of() : stored.all();
    }

    /** The messages of one partition, in offset order. */
    public List<StoredMessage> partition(String destination, int partition) {
        return messages(destination).stream().filter(m -> m.partition() == partition).toList();
    }

    /** What a consumer would receive now: stored messages whose delay has passed and that have not expired. */
    public List<StoredMessage> deliverable(String destination) {
        Instant now = clock.instant();
        return messages(destination).stream().filter(m -> m.isDeliverableAt(now)).toList();
    }

    /** The names of every destination. */
    public List<String> destinations() {
        return new ArrayList<>(destinations.keySet());
    }

    /** Removes every destination and message and makes the broker available; for test set-up. */
    public void reset() {
        destinations.clear();
        autoCreateTopics = true;
        defaultPartitions = 4;
        start();
    }

    int partitionCount(Destination destination) {
        return resolve(destination).partitionCount();
    }

    void onStart(Runnable listener) {
        startListeners.add(listener);
    }

    void removeStartListener(Runnable listener) {
        startListeners.remove(listener);
    }

    /** Stores a record; the caller has checked that the broker is running. */
    StoredMessage write(OutboundRecord record) {
        return resolve(record.destination()).append(record, clock.instant());
    }

    private StoredDestination resolve(Destination destination) {
        StoredDestination stored = destinations.get(destination.name());
        if (stored == null) {
            if (destination.kind() == Destination.Kind.QUEUE) {
                createQueue(destination.name());
            } else if (autoCreateTopics) {
                destinations.computeIfAbsent(destination.name(), n -> new StoredDestination(n, Destination.Kind.TOPIC, defaultPartitions));
            } else {
                throw new MessagingException(Reason.NOT_FOUND, "memory broker " + name + " has no topic " + destination.name()
                        + " and creates none (autoCreateTopics is off); create it first");
            }
            stored = destinations.get(destination.name());
        }
        if (destination.kind() != Destination.Kind.DEFAULT && destination.kind() != stored.kind) {
            throw new MessagingException(Reason.NOT_FOUND, "memory broker " + name + " has no " + destination.kind()
                    .name().toLowerCase(java.util.Locale.ROOT) + " " + destination.name() + "; it has " + stored);
        }
        return stored;
    }

    @Override
    public String toString() {
        return "MemoryBroker[" + name + (running ? "" : ", stopped") + ", " + destinations.size() + " destinations]";
    }
}
