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

import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Receipt;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Where messages land: the native choice for keys, the SDK's own turn-taking for round-robin. */
class PartitioningTest {
    private static final Duration READ = Duration.ofSeconds(15);

    @Test
    @DisplayName("a keyed message lands on the partition a native producer with StringSerializer picks for its key")
    void keyedMessagesLandWhereTheNativeProducerPutsThem() throws Exception {
        String topic = Topics.create("same-partition", 7);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            keys.add(i % 3 == 0 ? "customer-" + i : i % 3 == 1 ? "ключ-" + i : "k" + i * 7919);
        }
        Map<String, Integer> switchboard = new HashMap<>();
        try (Producer<String> producer = Producers.open()) {
            List<CompletableFuture<Receipt>> sent = new ArrayList<>();
            keys.forEach(key -> sent.add(producer.sendAsync(Message.to(topic).key(key).value("sb"))));
            for (int i = 0; i < keys.size(); i++) {
                switchboard.put(keys.get(i), sent.get(i).get(10, TimeUnit.SECONDS).partition().orElseThrow());
            }
        }
        Map<String, Integer> nativeChoice = new HashMap<>();
        try (KafkaProducer<String, String> nativeProducer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.get().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            keys.forEach(key -> sent.add(nativeProducer.send(new ProducerRecord<>(topic, key, "native"))));
            for (int i = 0; i < keys.size(); i++) {
                nativeChoice.put(keys.get(i), sent.get(i).get(10, TimeUnit.SECONDS).partition());
            }
        }
        assertThat(switchboard).isEqualTo(nativeChoice);
        assertThat(new HashMap<>(switchboard).values().stream().distinct().count()).isEqualTo(7);
        // and the broker agrees with the receipts
        for (ConsumerRecord<byte[], byte[]> record : NativeReader.ofTestBroker().read(topic, 400, READ)) {
            assertThat(record.partition()).isEqualTo(nativeChoice.get(new String(record.key(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    @DisplayName("round-robin spreads unkeyed messages evenly, and keyed ones still go where their key hashes")
    void roundRobinSpreadsUnkeyedMessagesEvenly() throws Exception {
        String topic = Topics.create("round-robin", 6);
        try (Producer<String> producer = Producers.open(ProducerSettings.PARTITIONER, "round-robin")) {
            List<CompletableFuture<Receipt>> sent = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                sent.add(producer.sendAsync(Message.of(topic, "m" + i)));
            }
            Receipt keyed = producer.send(Message.to(topic).key("k").value("keyed"));
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(keyed.partition()).hasValue(org.apache.kafka.common.utils.Utils.toPositive(
                    org.apache.kafka.common.utils.Utils.murmur2("k".getBytes(StandardCharsets.UTF_8))) % 6);
        }
        Map<Integer, Long> perPartition = NativeReader.ofTestBroker().read(topic, 61, READ).stream()
                .filter(r -> r.key() == null)
                .collect(Collectors.groupingBy(ConsumerRecord::partition, TreeMap::new, Collectors.counting()));
        assertThat(perPartition).isEqualTo(Map.of(0, 10L, 1, 10L, 2, 10L, 3, 10L, 4, 10L, 5, 10L));
    }

    @Test
    @DisplayName("a custom partitioner's choice is where the message lands")
    void customPartitionerPlacesEveryMessage() {
        String topic = Topics.create("custom", 4);
        try (Producer<String> producer = Producers.builder(Map.of())
                .partitioner((message, partitions) -> partitions - 1).build()) {
            assertThat(producer.send(Message.to(topic).key("anything").value("v")).partition()).hasValue(3);
        }
        assertThat(NativeReader.ofTestBroker().read(topic, 1, READ).get(0).partition()).isEqualTo(3);
    }
}
