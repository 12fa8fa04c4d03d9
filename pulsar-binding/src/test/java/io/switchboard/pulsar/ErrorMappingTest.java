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
package io.switchboard.pulsar;

import io.switchboard.faults.Fault;
import io.switchboard.faults.FaultyProxy;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import org.apache.pulsar.client.api.PulsarClientException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pulsar's failures, provoked on the real broker, and the reason each becomes; the native exception is the cause. */
class ErrorMappingTest extends BrokerTest {
    /**
     * The delivery timeout of the send-timeout cases. Pulsar's send timeout is {@code DeadlineMargin} (here 1 s)
     * shorter, and the cases assert Pulsar's own answer, which must beat the core's OUTCOME_UNKNOWN at the deadline:
     * 1 s leaves room for a loaded machine, where a shorter timeout would leave a tenth of it.
     */
    private static final Duration SEND_TIMEOUT_CASES = Duration.ofSeconds(10);

    @Test
    void aFullPulsarQueueIsBufferFull() throws Exception {
        String topic = topic("queue-full");
        try (FaultyProxy proxy = FaultyProxy.socks5()) {
            Producer<String> producer = producers.open(ProducerSettings.LINGER, "0",
                    "pulsar.producer.maxPendingMessages", "1", "pulsar.client.socks5ProxyAddress", proxy.address());
            producer.send(Message.to(topic).value("warm-up"));
            proxy.fault(Fault.SWALLOW_REPLIES);
            CompletableFuture<Receipt> held = producer.sendAsync(Message.to(topic).value("held"));
            MessagingException e = failure(producer.sendAsync(Message.to(topic).value("refused")));
            assertThat(e.reason()).isEqualTo(Reason.BUFFER_FULL);
            assertThat(e.getCause()).isInstanceOf(PulsarClientException.ProducerQueueIsFullError.class);
            proxy.fault(Fault.PASS);
            proxy.cut();
            assertThat(held).succeedsWithin(PATIENCE);
        }
    }

    @Test
    void aTopicThatDoesNotExistIsNotFound() {
        Producer<String> producer = producers.open();
        MessagingException e = failure(producer.sendAsync(Message.to(unique("missing")).value("lost")));
        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.getCause()).isInstanceOfAny(PulsarClientException.TopicDoesNotExistException.class,
                PulsarClientException.NotFoundException.class);
        assertThat(e.getMessage()).contains("missing");
    }

    @Test
    void aMessageOverTheBrokersLimitIsTooLarge() {
        String topic = topic("too-large");
        Producer<byte[]> producer = Switchboard.builder(Serializers.bytes()).properties(Map.of(
                ProducerSettings.BINDING, PulsarKeys.BINDING, PulsarKeys.SERVICE_URL, pulsar.serviceUrl(),
                ProducerSettings.MAX_MESSAGE_SIZE, "8MiB")).build();
        try {
            MessagingException e = failure(producer.sendAsync(Message.to(topic).value(new byte[6 << 20])));
            assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(e.getCause()).isInstanceOf(PulsarClientException.InvalidMessageException.class);
            producer.send(Message.to(topic).value(new byte[10]));
            assertThat(read(topic, 1)).hasSize(1);
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void aSendTimeoutWhileNoConnectionCarriedTheMessageIsTimeoutAndItIsNotWritten() {
        String topic = topic("timeout-unsent");
        try (FaultyProxy proxy = FaultyProxy.socks5()) {
            Duration timeout = SEND_TIMEOUT_CASES;
            Producer<String> producer = producers.open(ProducerSettings.DELIVERY_TIMEOUT, timeout.toMillis() + "ms",
                    "pulsar.client.socks5ProxyAddress", proxy.address());
            producer.send(Message.to(topic).key("k").value("warm-up"));
            proxy.fault(Fault.REFUSE);
            proxy.cut();
            // the client tries to reconnect only once it knows the connection is gone
            await("the client noticed the broken connection").atMost(PATIENCE).until(() -> proxy.refused() > 0);
            long start = System.nanoTime();
            MessagingException e = failure(producer.sendAsync(Message.to(topic).key("k").value("unsent")));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("Pulsar reports before the delivery timeout")
                    .isLessThan(timeout);
            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(e.getCause()).isInstanceOf(PulsarClientException.TimeoutException.class);
            proxy.fault(Fault.PASS);
            await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> producer.send(Message.to(topic).key("k").value("sentinel")) != null);
            assertThat(values(read(topic, 2))).doesNotContain("unsent").contains("warm-up", "sentinel");
        }
    }

    @Test
    void aSendTimeoutAfterTheMessageWentOutIsOutcomeUnknownAndItMayWellBeWritten() {
        String topic = topic("timeout-sent");
        try (FaultyProxy proxy = FaultyProxy.socks5()) {
            Duration timeout = SEND_TIMEOUT_CASES;
            Producer<String> producer = producers.open(ProducerSettings.DELIVERY_TIMEOUT, timeout.toMillis() + "ms",
                    "pulsar.client.socks5ProxyAddress", proxy.address());
            producer.send(Message.to(topic).key("k").value("warm-up"));
            proxy.fault(Fault.SWALLOW_REPLIES);
            long start = System.nanoTime();
            MessagingException e = failure(producer.sendAsync(Message.to(topic).key("k").value("sent")));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("Pulsar reports before the delivery timeout")
                    .isLessThan(timeout);
            assertThat(e.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN);
            assertThat(e.getCause()).isInstanceOf(PulsarClientException.TimeoutException.class);
            assertThat(values(read(topic, 2))).as("the message the producer could not vouch for").contains("sent");
        }
    }

    @Test
    void aTimestampBeforeTheEpochIsInvalidForPulsar() {
        String topic = topic("old-timestamp");
        Producer<String> producer = producers.open();
        MessagingException e = failure(producer.sendAsync(Message.to(topic).timestamp(java.time.Instant.EPOCH).value("old")));
        assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("event time");
        producer.send(Message.to(topic).value("sentinel"));
        assertThat(values(read(topic, 1))).containsExactly("sentinel");
    }

    @Test
    void aFencedProducerIsClosed() {
        String topic = topic("fenced");
        String exclusive = "pulsar.producer.accessMode";
        Producer<String> first = producers.open(exclusive, "ExclusiveWithFencing");
        first.send(Message.to(topic).value("first"));
        Producer<String> second = producers.open(exclusive, "ExclusiveWithFencing");
        second.send(Message.to(topic).value("second"));
        await("the first producer learns it was fenced").atMost(PATIENCE).untilAsserted(() -> {
            MessagingException e = failure(first.sendAsync(Message.to(topic).value("refused")));
            assertThat(e.reason()).isEqualTo(Reason.CLOSED);
            assertThat(e.getCause()).isInstanceOf(PulsarClientException.ProducerFencedException.class);
        });
        assertThat(values(read(topic, 2))).containsExactly("first", "second");
    }

    private static MessagingException failure(CompletableFuture<?> future) {
        Throwable error = bounded(future.handle((r, e) -> e));
        assertThat(error).as("the send succeeded").isInstanceOf(MessagingException.class);
        return (MessagingException) error;
    }
}
