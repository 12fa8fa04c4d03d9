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
package io.switchboard.embedded.kafka;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients with bounded waits, as a user of the embedded broker would write them. */
final class TestClients {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private TestClients() {
    }

    /**
     * acks=all and idempotence: an acknowledged record is on every in-sync replica, exactly once.
     * Entries in {@code settings} (connection, overrides) win over these defaults.
     */
    static KafkaProducer<String, String> producer(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, ServerProperties.MAX_MESSAGE_BYTES);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.putAll(settings);
        return new KafkaProducer<>(config);
    }

    /** A consumer reading from the earliest offset; without a group id in {@code settings}, tests assign partitions. */
    static KafkaConsumer<String, String> consumer(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.putAll(settings);
        return new KafkaConsumer<>(config);
    }

    /** Assigns every partition of {@code topic} from the beginning. */
    static void assignFromStart(KafkaConsumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until at least {@code count} records arrived, within {@link #READ_TIMEOUT}. */
    static <K, V> List<ConsumerRecord<K, V>> readAtLeast(KafkaConsumer<K, V> consumer, int count) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        await("reading " + count + " records").atMost(READ_TIMEOUT).pollInSameThread().pollDelay(Duration.ZERO)
                .until(() -> {
                    consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                    return records.size() >= count;
                });
        return records;
    }

    /** Values of {@code topic} read from the start by a new consumer, until at least {@code atLeast} arrived. */
    static List<String> readValues(Map<String, Object> connection, String topic, int atLeast) {
        try (KafkaConsumer<String, String> consumer = consumer(connection)) {
            assignFromStart(consumer, topic);
            return readAtLeast(consumer, atLeast).stream().map(ConsumerRecord::value).collect(Collectors.toList());
        }
    }
}
