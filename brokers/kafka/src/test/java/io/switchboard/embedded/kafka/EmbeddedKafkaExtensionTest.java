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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedKafkaExtension.class)
class EmbeddedKafkaExtensionTest {

    private final EmbeddedKafka kafka;

    EmbeddedKafkaExtensionTest(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    @Test
    void injectsOneRunningBrokerIntoConstructorsAndMethodsOfEveryClass(EmbeddedKafka parameter) {
        assertThat(parameter).isSameAs(kafka);
        assertThat(kafka.isRunning()).isTrue();
        assertThat(FirstInjectedBroker.rememberOrGet(kafka)).isSameAs(kafka);
    }

    @Test
    void producesAndConsumesThroughAConsumerGroupWithThePlainClients() throws Exception {
        kafka.createTopic("greetings", 2);
        List<String> sent = IntStream.range(0, 100).mapToObj(i -> "hello-" + i).collect(Collectors.toList());
        try (KafkaProducer<String, String> producer = TestClients.producer(kafka.clientProperties())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            sent.forEach(value -> acks.add(producer.send(new ProducerRecord<>("greetings", value, value))));
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }
        Map<String, Object> groupMember = new HashMap<>(kafka.clientProperties());
        groupMember.put(ConsumerConfig.GROUP_ID_CONFIG, "greeting-readers");
        try (KafkaConsumer<String, String> consumer = TestClients.consumer(groupMember)) {
            consumer.subscribe(List.of("greetings"));
            List<String> received = TestClients.readAtLeast(consumer, sent.size()).stream()
                    .map(ConsumerRecord::value).collect(Collectors.toList());
            assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    @Test
    void createdTopicHasTheRequestedPartitionsAtOnce() throws Exception {
        kafka.createTopic("six-partitions", 6);
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            TopicDescription topic = admin.describeTopics(List.of("six-partitions")).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get("six-partitions");
            assertThat(topic.partitions()).hasSize(6).allSatisfy(partition -> assertThat(partition.leader()).isNotNull());
        }
    }

    @Test
    void acceptsAOneMebibyteValueWithHeaders() throws Exception {
        kafka.createTopic("large-values", 1);
        char[] mebibyte = new char[1024 * 1024];
        Arrays.fill(mebibyte, 'x');
        String value = new String(mebibyte);
        ProducerRecord<String, String> record = new ProducerRecord<>("large-values", "key", value);
        record.headers().add(new RecordHeader("trace", "a".repeat(10_000).getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = TestClients.producer(kafka.clientProperties())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
        List<String> values = TestClients.readValues(kafka.clientProperties(), "large-values", 1);
        assertThat(values).singleElement().satisfies(read -> assertThat(read).hasSize(value.length()));
    }

    @Test
    void autoCreatesTopicsByDefault() throws Exception {
        try (KafkaProducer<String, String> producer = TestClients.producer(kafka.clientProperties())) {
            RecordMetadata written = producer.send(new ProducerRecord<>("created-on-first-use", "v"))
                    .get(30, TimeUnit.SECONDS);
            assertThat(written.offset()).isZero();
        }
    }
}
