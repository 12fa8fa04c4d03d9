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

import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class MemoryBindingTest {
    private final String brokerName = "test-" + UUID.randomUUID();
    private final MemoryBroker broker = MemoryBroker.named(brokerName);

    @AfterEach
    void resetBroker() {
        broker.reset();
    }

    private Producer<String> producer(String query) {
        return Switchboard.producer("memory://" + brokerName + query, Serializers.string());
    }

    @Test
    void applicationTestsSeeWhatWasSentInOrderWithKeysAndHeaders() {
        broker.createTopic("orders", 3);
        try (Producer<String> producer = producer("")) {
            for (int i = 0; i < 5; i++) {
                producer.send(Message.to("orders").key("customer-42").header("n", "" + i).value("order " + i));
            }
        }
        List<StoredMessage> stored = broker.messages("orders");
        assertThat(stored).extracting(StoredMessage::valueAsString)
                .containsExactly("order 0", "order 1", "order 2", "order 3", "order 4");
        assertThat(stored).extracting(StoredMessage::key).containsOnly("customer-42");
        assertThat(stored).extracting(StoredMessage::partition).containsOnly(KeyHash.partition("customer-42", 3));
        assertThat(stored.get(3).headers()).containsEntry("n", "3").containsEntry("content-type", "text/plain; charset=utf-8");
        assertThat(stored).extracting(StoredMessage::offset).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void receiptNamesThePartitionAndOffsetTheBrokerStored() {
        broker.createTopic("receipts", 2);
        try (Producer<String> producer = producer("")) {
            Receipt receipt = producer.send(Message.to("receipts").key("k").value("v"));
            StoredMessage stored = broker.messages("receipts").get(0);
            assertThat(receipt.partition()).hasValue(stored.partition());
            assertThat(receipt.offset()).hasValue(stored.offset());
            assertThat(receipt.unwrap(StoredMessage.class)).isEqualTo(stored);
            assertThat(producer.unwrap(MemoryBroker.class)).isSameAs(broker);
        }
    }

    @Test
    void stoppedBrokerHoldsSendsAndWritesThemInOrderWhenStarted() {
        try (Producer<String> producer = producer("?switchboard.delivery-timeout=20s")) {
            broker.stop();
            List<CompletableFuture<Receipt>> futures = IntStream.range(0, 10)
                    .mapToObj(i -> producer.sendAsync(Message.to("held").key("k").value("m" + i))).toList();
            assertThat(producer.flush(Duration.ofMillis(100)).unfinished()).isEqualTo(10);
            assertThat(futures).noneMatch(CompletableFuture::isDone);
            broker.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> futures.stream().allMatch(CompletableFuture::isDone));
            assertThat(futures).noneMatch(CompletableFuture::isCompletedExceptionally);
            assertThat(broker.messages("held")).extracting(StoredMessage::valueAsString)
                    .containsExactly(IntStream.range(0, 10).mapToObj(i -> "m" + i).toArray(String[]::new));
        }
    }

    @Test
    void sendsHeldWhileTheBrokerStaysDownFailUnavailableBeforeTheDeadline() {
        try (Producer<String> producer = producer("?switchboard.delivery-timeout=300ms")) {
            broker.stop();
            CompletableFuture<Receipt> future = producer.sendAsync(Message.of("down", "lost"));
            await().atMost(Duration.ofSeconds(5)).until(future::isDone);
            assertThat(future).failsWithin(Duration.ZERO).withThrowableThat()
                    .havingCause().isInstanceOf(MessagingException.class)
                    .satisfies(e -> assertThat(((MessagingException) e).reason()).isEqualTo(Reason.UNAVAILABLE));
            broker.start();
            assertThat(broker.messages("down")).isEmpty();
        }
    }

    @Test
    void lingerHoldsRecordsUntilFlush() {
        try (Producer<String> producer = producer("?switchboard.linger=10s&switchboard.delivery-timeout=30s")) {
            CompletableFuture<Receipt> future = producer.sendAsync(Message.of("lingering", "x"));
            assertThat(broker.messages("lingering")).isEmpty();
            assertThat(producer.flush(Duration.ofSeconds(5)).isComplete()).isTrue();
            assertThat(future).isCompleted();
            assertThat(broker.messages("lingering")).hasSize(1);
        }
    }

    @Test
    void unknownTopicFailsNotFoundWhenAutoCreationIsOff() {
        broker.autoCreateTopics(false);
        try (Producer<String> producer = producer("")) {
            assertThatThrownBy(() -> producer.send(Message.of("missing", "x")))
                    .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND))
                    .hasMessageContaining("missing");
        }
    }

    @Test
    void deliverableHidesDelayedAndExpiredMessages() {
        try (Producer<String> producer = producer("")) {
            producer.send(Message.to("timed").deliveryDelay(Duration.ofHours(1)).value("later"));
            producer.send(Message.to("timed").timeToLive(Duration.ofMillis(1)).value("expired"));
            producer.send(Message.to("timed").value("now"));
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(broker.deliverable("timed"))
                .extracting(StoredMessage::valueAsString).containsExactly("now"));
        assertThat(broker.messages("timed")).hasSize(3);
    }

    @Test
    void unknownMemoryKeyIsRejectedWithTheKeyItTakes() {
        assertThatThrownBy(() -> Switchboard.builder().properties(Map.of("switchboard.binding", "memory",
                "memory.brokr", "x")).build())
                .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessageContaining("memory.brokr").hasMessageContaining("memory.broker");
    }

    @Test
    void queuesAreSeparateFromTopics() {
        broker.createQueue("jobs");
        try (Producer<String> producer = producer("")) {
            producer.send(Message.to(io.switchboard.Destination.queue("jobs")).value("job"));
            assertThatThrownBy(() -> producer.send(Message.to(io.switchboard.Destination.topic("jobs")).value("x")))
                    .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        }
        assertThat(broker.messages("jobs")).extracting(StoredMessage::valueAsString).containsExactly("job");
    }
}
