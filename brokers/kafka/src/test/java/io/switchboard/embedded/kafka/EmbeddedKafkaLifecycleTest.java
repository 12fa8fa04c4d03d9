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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each test owns its broker: these tests stop, restart and close it. */
class EmbeddedKafkaLifecycleTest {

    private static final String TOPIC = "events";

    @Test
    void restartsOnTheSameDataAndPortsKeepingEveryAcknowledgedRecordWhileClientsReconnect() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().build().start();
                KafkaProducer<String, String> producer = TestClients.producer(producerConnection(kafka));
                KafkaConsumer<String, String> consumer = TestClients.consumer(kafka.clientProperties())) {
            kafka.createTopic(TOPIC, 3);
            String bootstrapServers = kafka.bootstrapServers();
            TestClients.assignFromStart(consumer, TOPIC);

            List<String> acknowledged = new ArrayList<>(sendAll(producer, "before-restart", 500));
            assertThat(values(TestClients.readAtLeast(consumer, 500))).containsExactlyInAnyOrderElementsOf(acknowledged);

            kafka.restart();
            assertThat(kafka.isRunning()).isTrue();
            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrapServers);
            // The same producer and consumer instances: they must find the broker again by themselves.
            acknowledged.addAll(sendAll(producer, "after-restart", 500));
            assertThat(values(TestClients.readAtLeast(consumer, 500))).allMatch(value -> value.startsWith("after-restart"));

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            kafka.start();
            assertThat(TestClients.readValues(kafka.clientProperties(), TOPIC, acknowledged.size()))
                    .containsExactlyInAnyOrderElementsOf(acknowledged);
        }
    }

    @Test
    void closeStopsTheBrokerDeletesItsDirectoryAndIsIdempotent(@TempDir Path parent) {
        EmbeddedKafka kafka = EmbeddedKafka.builder().dataDirectoryIn(parent).build().start();
        kafka.createTopic("doomed", 1);
        Path directory = kafka.dataDirectory();
        assertThat(directory).isDirectory().hasParent(parent);

        kafka.close();
        kafka.close();

        assertThat(kafka.isRunning()).isFalse();
        assertThat(Files.exists(directory)).isFalse();
        assertThatThrownBy(kafka::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("Closed");
    }

    @Test
    void refusesUnknownTopicsWhenAutoCreationIsOff() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().autoCreateTopics(false).build().start()) {
            Map<String, Object> impatient = new HashMap<>(kafka.clientProperties());
            impatient.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
            try (KafkaProducer<String, String> producer = TestClients.producer(impatient)) {
                Future<RecordMetadata> unknown = producer.send(new ProducerRecord<>("never-created", "v"));
                assertThatThrownBy(() -> unknown.get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
            }
        }
    }

    @Test
    void reportsMisuseWithAnExplanation() {
        EmbeddedKafka notStarted = EmbeddedKafka.builder().build();
        assertThatThrownBy(notStarted::bootstrapServers).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("first start()");
        assertThatThrownBy(() -> EmbeddedKafka.builder().saslPlain(Map.of("bad name", "pw")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad name");
        notStarted.close();
    }

    private static Map<String, Object> producerConnection(EmbeddedKafka kafka) {
        Map<String, Object> connection = new HashMap<>(kafka.clientProperties());
        // Reconnect quickly after the restart instead of backing off for up to a second.
        connection.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        return connection;
    }

    /** Sends {@code count} records and returns their values once every one is acknowledged. */
    private static List<String> sendAll(KafkaProducer<String, String> producer, String prefix, int count)
            throws Exception {
        List<String> sent = new ArrayList<>(count);
        List<Future<RecordMetadata>> acks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String value = prefix + "-" + i;
            sent.add(value);
            acks.add(producer.send(new ProducerRecord<>(TOPIC, "key-" + i, value)));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
        return sent;
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).collect(Collectors.toList());
    }

    @Test
    void aDataDirectoryParentThatIsNotADirectoryIsRefusedNamingIt(@TempDir Path parent) {
        Path missing = parent.resolve("missing");
        assertThatThrownBy(() -> EmbeddedKafka.builder().dataDirectoryIn(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("give an existing directory");
    }
}
