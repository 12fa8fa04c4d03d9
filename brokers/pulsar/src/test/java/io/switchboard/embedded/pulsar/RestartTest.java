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
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Reader;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPulsarExtension.class)
class RestartTest {

    private static final int MESSAGES = 500;

    /** One client for the class: it outlives the restarts, as an application's client would. */
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
    void restartKeepsEveryAcknowledgedMessageAndTheClientReconnects(EmbeddedPulsar pulsar) throws Exception {
        String serviceUrl = pulsar.serviceUrl();
        String topic = pulsar.createTopic("restart-survivors");
        try (Producer<String> producer = client.newProducer(Schema.STRING).topic(topic).create()) {
            sendAndAwaitAcknowledgements(producer, "before-");
            consumeAndAcknowledgeEverything(topic);

            pulsar.restart();

            assertThat(pulsar.isRunning()).isTrue();
            assertThat(pulsar.serviceUrl()).isEqualTo(serviceUrl);
            // The producer created before the restart reconnects by itself.
            producer.send("after-restart");
            List<String> stored = readAllFromEarliest(topic);
            assertThat(stored).hasSize(MESSAGES + 1);
            assertThat(stored).startsWith("before-0", "before-1").endsWith("before-" + (MESSAGES - 1), "after-restart");
        }
    }

    @Test
    void stoppedBrokerRefusesConnectionsAndStartsAgainOnTheSameUrl(EmbeddedPulsar pulsar) throws Exception {
        String serviceUrl = pulsar.serviceUrl();
        String topic = pulsar.createTopic("stop-start");

        pulsar.stop();

        assertThat(pulsar.isRunning()).isFalse();
        assertThat(TcpProbe.acceptsConnections(serviceUrl)).isFalse();

        pulsar.start();

        assertThat(pulsar.serviceUrl()).isEqualTo(serviceUrl);
        try (Producer<byte[]> producer = client.newProducer().topic(topic).create()) {
            assertThat(producer.send(new byte[] {1})).isNotNull();
        }
    }

    @Test
    void producerSendingDuringAnOutageIsAcknowledgedOnceTheBrokerIsBack(EmbeddedPulsar pulsar) throws Exception {
        String topic = pulsar.createTopic("outage");
        try (Producer<String> producer = client.newProducer(Schema.STRING).topic(topic)
                .sendTimeout(60, TimeUnit.SECONDS).create()) {
            pulsar.stop();
            CompletableFuture<MessageId> pending = producer.sendAsync("sent-while-down");
            assertThat(pending).isNotDone();

            pulsar.start();

            await().atMost(Duration.ofSeconds(30)).until(pending::isDone);
            assertThat(pending).isCompleted();
            assertThat(readAllFromEarliest(topic)).containsExactly("sent-while-down");
        }
    }

    private static void sendAndAwaitAcknowledgements(Producer<String> producer, String prefix) {
        List<CompletableFuture<MessageId>> acknowledgements = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            acknowledgements.add(producer.sendAsync(prefix + i));
        }
        CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS)
                .join();
    }

    /** With default retention an acknowledged message could be deleted; the broker keeps it anyway. */
    private static void consumeAndAcknowledgeEverything(String topic) throws Exception {
        try (Consumer<String> consumer = client.newConsumer(Schema.STRING).topic(topic).subscriptionName("billing")
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe()) {
            for (int i = 0; i < MESSAGES; i++) {
                Message<String> message = consumer.receive(10, TimeUnit.SECONDS);
                assertThat(message).as("message %d", i).isNotNull();
                consumer.acknowledge(message);
            }
        }
    }

    private static List<String> readAllFromEarliest(String topic) throws Exception {
        List<String> values = new ArrayList<>();
        try (Reader<String> reader = client.newReader(Schema.STRING).topic(topic).startMessageId(MessageId.earliest)
                .create()) {
            while (reader.hasMessageAvailable()) {
                Message<String> message = reader.readNext(10, TimeUnit.SECONDS);
                assertThat(message).isNotNull();
                values.add(message.getValue());
            }
        }
        return values;
    }
}
