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

import io.switchboard.CloseResult;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker goes away: no call blocks, every future ends in bounded time, and every reason tells the truth,
 * checked by reading the topic after the broker is back.
 */
class OutageTest {
    private static final Duration READ = Duration.ofSeconds(15);
    /**
     * The delivery timeout of the producers that must fail TIMEOUT (the truth) rather than OUTCOME_UNKNOWN. The
     * binding and Kafka answer {@link io.switchboard.spi.DeadlineMargin} before the deadline, where the core's
     * sweeper would say OUTCOME_UNKNOWN: 1 s here, the largest margin there is, so that a loaded machine cannot
     * eat it (with 2 s it was 200 ms). It also makes Kafka's {@code max.block.ms} 4.5 s, so a sendAsync that
     * waited for metadata could never pass {@link Producers#SEND_ASYNC_BOUND}.
     */
    private static final Duration OUTAGE_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How late past its deadline a future may end: the core's sweeper fails it at its deadline whatever happens,
     * so this is scheduling lateness on a loaded machine only; a future that hangs is still caught.
     */
    private static final Duration DEADLINE_SLACK = Duration.ofSeconds(3);
    /** How long a future may take to end: its delivery timeout, and the slack. */
    private static final Duration FAILS_WITHIN = OUTAGE_TIMEOUT.plus(DEADLINE_SLACK);
    /** How long close may wait for the binding's sender thread after interrupting it, on top of its own bound. */
    private static final Duration SENDER_JOIN = Duration.ofMillis(SenderLoop.ABANDON_JOIN_MILLIS);

    @AfterEach
    void brokerBack() {
        TestBroker.get();
    }

    @Test
    @DisplayName("sendAsync returns at once while the broker is down, even for a topic the producer never saw")
    void sendAsyncNeverBlocksOnMetadataWhileTheBrokerIsDown() throws Exception {
        String topic = Topics.create("down-new-topic", 1);
        try (Producer<String> producer = Producers.open(ProducerSettings.DELIVERY_TIMEOUT, text(OUTAGE_TIMEOUT),
                ProducerSettings.MAX_BLOCK, Producers.NO_QUICK_MAX_BLOCK)) {
            TestBroker.get().stop();
            long start = System.nanoTime();
            List<CompletableFuture<Receipt>> sent = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                long callStart = System.nanoTime();
                sent.add(producer.sendAsync(Message.to(topic).key("k" + i % 3).value("m" + i)));
                // a call that waited for the topic's metadata would take max.block.ms (4.5 s), and the next ones too
                assertThat(Producers.since(callStart)).as("sendAsync #%d", i).isLessThan(Producers.SEND_ASYNC_BOUND);
            }
            for (CompletableFuture<Receipt> future : sent) {
                MessagingException error = Producers.failure(future, FAILS_WITHIN);
                // Kafka never got past waiting for metadata: known not written, and said before the core's deadline
                assertThat(error.reason()).isEqualTo(Reason.TIMEOUT);
            }
            assertThat(Producers.since(start)).isLessThan(FAILS_WITHIN);
        }
        TestBroker.get();
        assertThat(NativeReader.ofTestBroker().readAll(topic, READ)).isEmpty();
    }

    @Test
    @DisplayName("records Kafka buffered but never sent fail TIMEOUT, not OUTCOME_UNKNOWN; flush stays within its bound")
    void bufferedButNeverSentIsTimeout() throws Exception {
        String topic = Topics.create("down-known-topic", 2);
        try (Producer<String> producer = Producers.open(ProducerSettings.DELIVERY_TIMEOUT, text(OUTAGE_TIMEOUT))) {
            producer.send(Message.of(topic, "before"));
            stopAndAwaitDisconnect(producer);
            List<CompletableFuture<Receipt>> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add(producer.sendAsync(Message.to(topic).key("k" + i).value("during-" + i)));
            }
            long flushStart = System.nanoTime();
            Duration flushBound = Duration.ofMillis(300);
            assertThat(producer.flush(flushBound).unfinished()).isEqualTo(20);
            // a flush that waited for Kafka (which cannot deliver) would take until the records expire, 9 s
            assertThat(Producers.since(flushStart)).isLessThan(Producers.late(flushBound));
            for (CompletableFuture<Receipt> future : sent) {
                assertThat(Producers.failure(future, FAILS_WITHIN).reason()).isEqualTo(Reason.TIMEOUT);
            }
        }
        TestBroker.get();
        assertThat(values(NativeReader.ofTestBroker().readAll(topic, READ))).containsExactly("before");
    }

    @Test
    @DisplayName("an outage in mid-stream loses no acknowledged message and reports 'not written' only for what is absent")
    void outageInMidStreamIsReportedTruthfully() throws Exception {
        String topic = Topics.create("mid-stream", 3);
        Map<String, CompletableFuture<Receipt>> sent = new LinkedHashMap<>();
        Map<String, MessagingException> failedSentinels = new ConcurrentHashMap<>();
        AtomicReference<String> sentinel = new AtomicReference<>();
        try (Producer<String> producer = Producers.open(ProducerSettings.DELIVERY_TIMEOUT, text(OUTAGE_TIMEOUT),
                ProducerSettings.MAX_BLOCK, Producers.NO_QUICK_MAX_BLOCK, ProducerSettings.LINGER, "0ms")) {
            for (int i = 0; i < 300; i++) {
                String value = "before-" + i;
                sent.put(value, producer.sendAsync(Message.to(topic).key("k" + i % 7).value(value)));
            }
            // stop while the tail of those may still be in flight, and keep sending into the outage
            TestBroker.get().stop();
            for (int i = 0; i < 100; i++) {
                String value = "during-" + i;
                long start = System.nanoTime();
                sent.put(value, producer.sendAsync(Message.to(topic).key("k" + i % 7).value(value)));
                assertThat(Producers.since(start)).as("sendAsync of %s", value).isLessThan(Producers.SEND_ASYNC_BOUND);
            }
            // each ends by its deadline at the latest (the last one was sent just now)
            CompletableFuture.allOf(sent.values().toArray(CompletableFuture[]::new))
                    .handle((r, e) -> null).get(FAILS_WITHIN.toMillis(), TimeUnit.MILLISECONDS);

            TestBroker.get();
            // Kafka may still hold batches from the outage (an idempotent producer stops expiring batches while it
            // cannot get a new producer id), and a new record would join them and their expiry
            awaitKafkaBufferEmpty(producer);
            // then it must reconnect, refresh metadata, find the leader and get a producer id, which on a loaded
            // machine may outlast one delivery timeout: the sentinel is sent again until one is acknowledged, and
            // every attempt that failed is checked like any other failure below
            AtomicInteger attempts = new AtomicInteger();
            Awaitility.await("a message after the outage is acknowledged").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        String value = "after-" + attempts.incrementAndGet();
                        try {
                            Receipt after = producer.send(Message.to(topic).key("k0").value(value));
                            assertThat(after.offset()).as(value).isPresent();
                            sentinel.set(value);
                            return true;
                        } catch (MessagingException e) {
                            failedSentinels.put(value, e);
                            return false;
                        }
                    });
        }
        Set<String> stored = new HashSet<>(values(NativeReader.ofTestBroker().readAll(topic, READ)));
        Set<Reason> seen = EnumSet.noneOf(Reason.class);
        sent.forEach((value, future) -> {
            MessagingException error = Producers.failureOf(future);
            if (error == null) {
                assertThat(stored).as("acknowledged %s", value).contains(value);
            } else {
                seen.add(error.reason());
                assertThat(error.reason()).as(value).isIn(Reason.TIMEOUT, Reason.OUTCOME_UNKNOWN);
                if (!error.mayHaveBeenWritten()) {
                    assertThat(stored).as("%s was reported %s", value, error.reason()).doesNotContain(value);
                }
            }
        });
        assertThat(seen).as("records sent into the outage fail").isNotEmpty();
        assertThat(stored).as("the acknowledged sentinel").contains(sentinel.get());
        failedSentinels.forEach((value, error) -> {
            if (!error.mayHaveBeenWritten()) {
                assertThat(stored).as("%s was reported %s", value, error.reason()).doesNotContain(value);
            }
        });
    }

    @Test
    @DisplayName("close during an outage returns within its bound and fails what Kafka held as CLOSED")
    void closeDuringAnOutageIsBoundedAndTruthful() throws Exception {
        String topic = Topics.create("close-outage", 1);
        Producer<String> producer = Producers.open(ProducerSettings.DELIVERY_TIMEOUT, "30s");
        List<CompletableFuture<Receipt>> sent = new ArrayList<>();
        try {
            producer.send(Message.of(topic, "warm-up"));
            stopAndAwaitDisconnect(producer);
            for (int i = 0; i < 10; i++) {
                sent.add(producer.sendAsync(Message.of(topic, "held-" + i)));
            }
        } finally {
            long start = System.nanoTime();
            Duration closeBound = Duration.ofMillis(500);
            CloseResult result = producer.close(closeBound);
            // its bound, then at most SENDER_JOIN for the sender thread, and lateness; a close that waited for
            // Kafka (which cannot deliver) would take the 30 s delivery timeout
            assertThat(Producers.since(start)).isLessThan(Producers.late(closeBound.plus(SENDER_JOIN)));
            assertThat(result.abandoned()).as("failed by Kafka's abort during close, and counted").isEqualTo(sent.size());
        }
        for (CompletableFuture<Receipt> future : sent) {
            assertThat(Producers.failureOf(future).reason()).isEqualTo(Reason.CLOSED);
        }
        assertThat(producer.sendAsync(Message.of(topic, "late"))).isCompletedExceptionally();
    }

    @Test
    @DisplayName("close while the sender waits for a topic's metadata returns within its bound; the message was not written")
    void closeWhileWaitingForMetadataIsBounded() throws Exception {
        String topic = Topics.create("close-waiting", 1);
        Producer<String> producer = Producers.open(ProducerSettings.DELIVERY_TIMEOUT, "30s");
        TestBroker.get().stop();
        CompletableFuture<Receipt> waiting = producer.sendAsync(Message.of(topic, "never seen"));
        CompletableFuture<Receipt> queued = producer.sendAsync(Message.of(topic, "behind it"));
        long start = System.nanoTime();
        Duration closeBound = Duration.ofMillis(300);
        producer.close(closeBound);
        // its bound, then at most SENDER_JOIN for the interrupted sender thread, and lateness; a close that waited
        // for the metadata would take max.block.ms (14.5 s with the 30 s delivery timeout)
        assertThat(Producers.since(start)).isLessThan(Producers.late(closeBound.plus(SENDER_JOIN)));
        assertThat(Producers.failureOf(waiting).reason()).isEqualTo(Reason.CLOSED);
        assertThat(Producers.failureOf(queued).reason()).isEqualTo(Reason.CLOSED);
    }

    @Test
    @DisplayName("round-robin asks for partition counts off the caller's thread, so it does not block while the broker is down")
    void roundRobinDoesNotBlockWhileTheBrokerIsDown() throws Exception {
        String topic = Topics.create("down-round-robin", 2);
        try (Producer<String> producer = Producers.open(ProducerSettings.DELIVERY_TIMEOUT, text(OUTAGE_TIMEOUT),
                ProducerSettings.MAX_BLOCK, Producers.NO_QUICK_MAX_BLOCK, ProducerSettings.PARTITIONER, "round-robin")) {
            TestBroker.get().stop();
            long start = System.nanoTime();
            CompletableFuture<Receipt> future = producer.sendAsync(Message.of(topic, "unkeyed"));
            // asking Kafka for the partition count on the caller's thread would block for max.block.ms (4.5 s)
            assertThat(Producers.since(start)).isLessThan(Producers.SEND_ASYNC_BOUND);
            assertThat(Producers.failure(future, FAILS_WITHIN).reason()).isEqualTo(Reason.TIMEOUT);
        }
    }

    /** Stops the broker and waits until each producer has seen its connections drop. */
    static void stopAndAwaitDisconnect(Producer<?>... producers) {
        TestBroker.get().stop();
        for (Producer<?> producer : producers) {
            Awaitility.await("the producer notices the broker is gone").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(10)).until(() -> connections(producer) == 0);
        }
    }

    /** Waits until Kafka holds no batch at all: its buffer pool is entirely free again. */
    static void awaitKafkaBufferEmpty(Producer<?> producer) {
        Awaitility.await("Kafka's buffer is empty").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> Producers.metric(producer, "buffer-available-bytes")
                        == Producers.metric(producer, "buffer-total-bytes"));
    }

    private static double connections(Producer<?> producer) {
        return Producers.metric(producer, "connection-count");
    }

    /** A duration as a setting's value. */
    private static String text(Duration duration) {
        return duration.toMillis() + "ms";
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(new String(r.value(), StandardCharsets.UTF_8)));
        return out;
    }
}
