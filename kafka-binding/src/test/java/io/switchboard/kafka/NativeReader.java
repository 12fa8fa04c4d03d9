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
package io.switchboard.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads topics with Kafka's own consumer, never through Switchboard: assigned to every partition, from the
 * beginning, no consumer group. What a test checks is what really reached the broker.
 */
final class NativeReader {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final String bootstrapServers;

    NativeReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A reader of the test broker. */
    static NativeReader ofTestBroker() {
        return new NativeReader(TestBroker.get().bootstrapServers());
    }

    /**
     * Reads from the beginning until {@code expected} records were read or {@code timeout} passed; records of a
     * partition in offset order, partitions one after another.
     */
    List<ConsumerRecord<byte[], byte[]>> read(String topic, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic, timeout);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
            while (read.size() < expected && System.nanoTime() - deadline < 0) {
                consumer.poll(Duration.ofMillis(Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000))))
                        .forEach(read::add);
            }
            read.sort(Comparator.comparingInt((ConsumerRecord<byte[], byte[]> r) -> r.partition())
                    .thenComparingLong(ConsumerRecord::offset));
            return read;
        }
    }

    /** Everything the topic holds now: reads up to the end offsets found at the start. */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic, timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("could not read " + topic + " to its end within " + timeout);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(read::add);
            }
            read.sort(Comparator.comparingInt((ConsumerRecord<byte[], byte[]> r) -> r.partition())
                    .thenComparingLong(ConsumerRecord::offset));
            return read;
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic, Duration timeout) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        return partitions;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "native-reader-" + IDS.incrementAndGet(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
