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
package io.switchboard.embedded.pulsar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPulsarExtension.class)
class ProduceAndConsumeTest {

    private static PulsarClient client;

    @BeforeAll
    static void connect(EmbeddedPulsar pulsar) throws Exception {
        client = TestClients.connect(pulsar);
    }

    @AfterAll
    static void disconnect() throws Exception {
        client.close();
    }

    @Test
    void consumerReceivesKeysValuesAndPropertiesInOrder(EmbeddedPulsar pulsar) throws Exception {
        String topic = pulsar.createTopic("orders");
        try (Consumer<String> consumer = client.newConsumer(Schema.STRING).topic(topic).subscriptionName("audit")
                     .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe();
             Producer<String> producer = client.newProducer(Schema.STRING).topic(topic).create()) {
            for (int i = 0; i < 100; i++) {
                producer.newMessage().key("customer-" + (i % 7)).value("order-" + i).property("n", "" + i).send();
            }

            List<String> received = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Message<String> message = consumer.receive(10, TimeUnit.SECONDS);
                assertThat(message).as("message %d", i).isNotNull();
                assertThat(message.getKey()).isEqualTo("customer-" + (i % 7));
                assertThat(message.getProperties()).containsEntry("n", "" + i);
                received.add(message.getValue());
                consumer.acknowledge(message);
            }
            assertThat(received).first().isEqualTo("order-0");
            assertThat(received).last().isEqualTo("order-99");
        }
    }

    @Test
    void messageLargerThanOneMebibyteWithPropertiesFits(EmbeddedPulsar pulsar) throws Exception {
        byte[] payload = new byte[2 * 1024 * 1024 + 17];
        Arrays.fill(payload, (byte) 'x');
        String topic = pulsar.createTopic("large-messages");
        try (Consumer<byte[]> consumer = client.newConsumer().topic(topic).subscriptionName("large").subscribe();
             Producer<byte[]> producer = client.newProducer().topic(topic).enableBatching(false).create()) {
            producer.newMessage().value(payload).properties(Map.of("content-type", "application/octet-stream",
                    "trace", "x".repeat(4096))).send();

            Message<byte[]> message = consumer.receive(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.getValue()).isEqualTo(payload);
            assertThat(message.getProperty("content-type")).isEqualTo("application/octet-stream");
        }
    }

    @Test
    void partitionedTopicIsCreatedWithItsPartitions(EmbeddedPulsar pulsar) throws Exception {
        String topic = pulsar.createPartitionedTopic("payments", 3);

        assertThat(client.getPartitionsForTopic(topic, false).get(10, TimeUnit.SECONDS)).containsExactly(
                topic + "-partition-0", topic + "-partition-1", topic + "-partition-2");
        try (Producer<byte[]> producer = client.newProducer().topic(topic).create()) {
            assertThat(producer.send("paid".getBytes(StandardCharsets.UTF_8))).isNotNull();
        }
    }

    @Test
    void createdTopicIsVisibleThroughTheAdminApi(EmbeddedPulsar pulsar) throws Exception {
        String topic = pulsar.createTopic("persistent://public/default/inventory");

        try (PulsarAdmin admin = PulsarAdmin.builder().serviceHttpUrl(pulsar.httpUrl()).build()) {
            assertThat(admin.topics().getList("public/default")).contains(topic);
        }
    }

    @Test
    void creatingAnExistingTopicFails(EmbeddedPulsar pulsar) {
        pulsar.createTopic("created-twice");

        assertThatThrownBy(() -> pulsar.createTopic("created-twice"))
                .isInstanceOf(EmbeddedPulsarException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void resentSequenceIdIsStoredAgainWithoutDeduplication(EmbeddedPulsar pulsar) throws Exception {
        String topic = pulsar.createTopic("no-dedup");

        assertThat(ResendingProducer.sendSequenceIdsTwiceAndCount(client, topic)).isEqualTo(4);
    }
}
