package io.switchboard.kafka;

import io.switchboard.CloseResult;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.Metric;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker goes away: no call blocks, every future ends in bounded time, and every reason tells the truth,
 * checked by reading the topic after the broker is back.
 */
class OutageTest {
    private static final Duration READ = Duration.ofSeconds(15);

    @AfterEach
    void brokerBack() {
        TestBroker.get();
    }

    @Test
    @DisplayName("sendAsync returns at once while the broker is down, even for a topic the producer never saw")
    void sendAsyncNeverBlocksOnMetadataWhileTheBrokerIsDown() throws Exception {
        String topic = Topics.create("down-new-topic", 1);
        try (Producer<String> producer = Producers.open(ProducerSettings.DELIVERY_TIMEOUT, "2s")) {
            TestBroker.get().stop();
            long start = System.nanoTime();
            List<CompletableFuture<Receipt>> sent = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                sent.add(producer.sendAsync(Message.to(topic).key("k" + i % 3).value("m" + i)));
            }
            assertThat(Producers.since(start)).isLessThan(Duration.ofMillis(500));
            for (CompletableFuture<Receipt> future : sent) {
                MessagingException error = Producers.failure(future, Duration.ofSeconds(4));
                // Kafka never got past waiting for metadata: known not written, and said before the core's deadline
                assertThat(error.reason()).isEqualTo(Reason.TIMEOUT);
            }
            assertThat(Producers.since(start)).isLessThan(Duration.ofMillis(2_500));
        }
        TestBroker.get();
        assertThat(NativeReader.ofTestBroker().readAll(topic, READ)).isEmpty();
    }

    @Test
    @DisplayName("records Kafka buffered but never sent fail TIMEOUT, not OUTCOME_UNKNOWN; flush stays within its bound")
    void bufferedButNeverSentIsTimeout() throws Exception {
        String topic = Topics.create("down-known-topic", 2);
        try (Producer<String> producer = Producers.open(ProducerSettings.DELIVERY_TIMEOUT, "2s")) {
            producer.send(Message.of(topic, "before"));
            stopAndAwaitDisconnect(producer);
            List<CompletableFuture<Receipt>> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add(producer.sendAsync(Message.to(topic).key("k" + i).value("during-" + i)));
            }
            long flushStart = System.nanoTime();
            assertThat(producer.flush(Duration.ofMillis(300)).unfinished()).isEqualTo(20);
            assertThat(Producers.since(flushStart)).isLessThan(Duration.ofSeconds(1));
            for (CompletableFuture<Receipt> future : sent) {
                assertThat(Producers.failure(future, Duration.ofSeconds(4)).reason()).isEqualTo(Reason.TIMEOUT);
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
        try (Producer<String> producer = Producers.open(ProducerSettings.DELIVERY_TIMEOUT, "2s",
                ProducerSettings.LINGER, "0ms")) {
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
                assertThat(Producers.since(start)).isLessThan(Duration.ofMillis(100));
            }
            CompletableFuture.allOf(sent.values().toArray(CompletableFuture[]::new))
                    .handle((r, e) -> null).get(4, TimeUnit.SECONDS);

            TestBroker.get();
            // Kafka may still hold batches from the outage (an idempotent producer stops expiring batches while it
            // cannot get a new producer id), and a new record would join them and their expiry
            awaitKafkaBufferEmpty(producer);
            Receipt after = producer.send(Message.to(topic).key("k0").value("after"));
            assertThat(after.offset()).isPresent();
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
        assertThat(stored).contains("after");
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
            CloseResult result = producer.close(Duration.ofMillis(500));
            assertThat(Producers.since(start)).isLessThan(Duration.ofMillis(1_500));
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
        producer.close(Duration.ofMillis(300));
        assertThat(Producers.since(start)).isLessThan(Duration.ofMillis(1_500));
        assertThat(Producers.failureOf(waiting).reason()).isEqualTo(Reason.CLOSED);
        assertThat(Producers.failureOf(queued).reason()).isEqualTo(Reason.CLOSED);
    }

    @Test
    @DisplayName("round-robin asks for partition counts off the caller's thread, so it does not block while the broker is down")
    void roundRobinDoesNotBlockWhileTheBrokerIsDown() throws Exception {
        String topic = Topics.create("down-round-robin", 2);
        try (Producer<String> producer = Producers.open(ProducerSettings.DELIVERY_TIMEOUT, "2s",
                ProducerSettings.PARTITIONER, "round-robin")) {
            TestBroker.get().stop();
            long start = System.nanoTime();
            CompletableFuture<Receipt> future = producer.sendAsync(Message.of(topic, "unkeyed"));
            assertThat(Producers.since(start)).isLessThan(Duration.ofMillis(100));
            assertThat(Producers.failure(future, Duration.ofSeconds(4)).reason()).isEqualTo(Reason.TIMEOUT);
        }
    }

    /** Stops the broker and waits until each producer has seen its connections drop. */
    static void stopAndAwaitDisconnect(Producer<?>... producers) {
        TestBroker.get().stop();
        for (Producer<?> producer : producers) {
            Awaitility.await("the producer notices the broker is gone").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(10)).until(() -> connections(producer) == 0);
        }
    }

    /** Waits until Kafka holds no batch at all: its buffer pool is entirely free again. */
    static void awaitKafkaBufferEmpty(Producer<?> producer) {
        Awaitility.await("Kafka's buffer is empty").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10))
                .until(() -> metric(producer, "buffer-available-bytes") == metric(producer, "buffer-total-bytes"));
    }

    private static double connections(Producer<?> producer) {
        return metric(producer, "connection-count");
    }

    private static double metric(Producer<?> producer, String name) {
        KafkaProducer<?, ?> kafka = producer.unwrap(KafkaProducer.class);
        for (Map.Entry<org.apache.kafka.common.MetricName, ? extends Metric> entry : kafka.metrics().entrySet()) {
            if (entry.getKey().name().equals(name) && entry.getKey().group().equals("producer-metrics")) {
                return ((Number) entry.getValue().metricValue()).doubleValue();
            }
        }
        throw new AssertionError("no metric " + name);
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(new String(r.value(), StandardCharsets.UTF_8)));
        return out;
    }
}
