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
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Each Kafka failure provoked on the real broker, and the neutral reason it is reported with. */
class ErrorMappingTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    @DisplayName("a record over the broker's limit for the topic fails TOO_LARGE with Kafka's RecordTooLargeException")
    void brokerRefusesTooLargeRecords() throws Exception {
        String topic = Topics.createWithConfig("too-large", Map.of("max.message.bytes", "2000"));
        try (Producer<String> producer = Producers.open()) {
            MessagingException error = Producers.failure(producer.sendAsync(Message.of(topic, "x".repeat(5_000))), BOUND);
            assertThat(error.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(error.getCause()).isInstanceOf(RecordTooLargeException.class);
            assertThat(error.mayHaveBeenWritten()).isFalse();
            producer.send(Message.of(topic, "small is fine"));
        }
    }

    @Test
    @DisplayName("a record whose key and headers exceed the request size Kafka allows fails TOO_LARGE in the client")
    void clientRefusesTooLargeRecords() throws Exception {
        String topic = Topics.create("too-large-headers", 1);
        try (Producer<String> producer = Producers.open(ProducerSettings.MAX_MESSAGE_SIZE, "1000")) {
            MessagingException error = Producers.failure(producer.sendAsync(Message.to(topic)
                    .header("big", "h".repeat(80_000)).value("small value")), BOUND);
            assertThat(error.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(error.getCause()).isInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("max.request.size");
        }
    }

    @Test
    @DisplayName("a topic that does not exist, with auto-creation off, fails NOT_FOUND within the delivery timeout")
    void missingTopicIsNotFound() throws Exception {
        String topic = Topics.unique("missing");
        // 6 s: Kafka reports the missing topic after max.block.ms (2.7 s), the binding would fail the record TIMEOUT
        // at its deadline less the margin (5.4 s): room for a loaded machine between the two
        try (Producer<String> producer = Producers.open(ProducerSettings.DELIVERY_TIMEOUT, "6s")) {
            Duration maxBlock = Duration.ofMillis(Producers.effectiveConfig(producer).getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG));
            long start = System.nanoTime();
            List<CompletableFuture<Receipt>> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sent.add(producer.sendAsync(Message.of(topic, "m" + i)));
            }
            MessagingException first = Producers.failure(sent.get(0), BOUND);
            // Kafka reports it as a metadata timeout whose cause is the broker's UNKNOWN_TOPIC_OR_PARTITION
            assertThat(first.reason()).isEqualTo(Reason.NOT_FOUND);
            assertThat(first.getCause()).isInstanceOf(TimeoutException.class)
                    .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
            // the messages queued behind it learn the same at once instead of waiting for metadata again each
            for (CompletableFuture<Receipt> later : sent.subList(1, 5)) {
                assertThat(Producers.failure(later, BOUND).reason()).isEqualTo(Reason.NOT_FOUND);
            }
            // one metadata wait and lateness, not one wait per message (those behind would fail TIMEOUT anyway)
            assertThat(Producers.since(start)).isLessThan(maxBlock.plus(Producers.MIN_LATENESS));
        }
    }

    @Test
    @DisplayName("round-robin to a missing topic fails NOT_FOUND too: the partition count cannot be had")
    void missingTopicIsNotFoundForRoundRobin() throws Exception {
        // 6 s, as above: the partition count fails after max.block.ms (2.7 s), well before the deadline
        try (Producer<String> producer = Producers.open(ProducerSettings.DELIVERY_TIMEOUT, "6s",
                ProducerSettings.PARTITIONER, "round-robin")) {
            MessagingException error = Producers.failure(producer.sendAsync(Message.of(Topics.unique("missing-rr"), "m")), BOUND);
            assertThat(error.reason()).isEqualTo(Reason.NOT_FOUND);
        }
    }

    @Test
    @DisplayName("an ACL denying the topic fails PERMISSION_DENIED with Kafka's TopicAuthorizationException")
    void deniedTopicIsPermissionDenied() throws Exception {
        String topic = Topics.create("denied", 1);
        TestBroker.get().denyTopicAccess(TestBroker.BOB, topic);
        try (Producer<String> bob = sasl(TestBroker.BOB, TestBroker.BOB_PASSWORD)) {
            MessagingException error = Producers.failure(bob.sendAsync(Message.of(topic, "not for bob")), BOUND);
            assertThat(error.reason()).isEqualTo(Reason.PERMISSION_DENIED);
            assertThat(error).hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (Producer<String> alice = sasl(TestBroker.ALICE, TestBroker.ALICE_PASSWORD)) {
            alice.send(Message.of(topic, "alice may"));
        }
    }

    @Test
    @DisplayName("the right SASL/PLAIN password works; a wrong one fails UNAUTHENTICATED quickly, and is never printed")
    void wrongPasswordIsUnauthenticatedAndNeverPrinted() throws Exception {
        String topic = Topics.create("sasl", 1);
        try (Producer<String> alice = sasl(TestBroker.ALICE, TestBroker.ALICE_PASSWORD)) {
            assertThat(alice.send(Message.of(topic, "logged in")).offset()).hasValue(0);
        }
        String wrong = "Wrong-Pa55word-x1";
        PrintStream stderr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try (Producer<String> intruder = sasl(TestBroker.ALICE, wrong)) {
            long start = System.nanoTime();
            MessagingException error = Producers.failure(intruder.sendAsync(Message.of(topic, "let me in")), BOUND);
            assertThat(Producers.since(start)).isLessThan(Duration.ofSeconds(5));
            assertThat(error.reason()).isEqualTo(Reason.UNAUTHENTICATED);
            assertThat(error).hasRootCauseInstanceOf(SaslAuthenticationException.class);
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString() + intruder).doesNotContain(wrong);
        } finally {
            System.setErr(stderr);
        }
        assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain(wrong);
    }

    @Test
    @DisplayName("when Kafka's own buffer runs out (keys and headers beyond its allowance) the send fails BUFFER_FULL")
    void kafkasExhaustedBufferIsBufferFull() throws Exception {
        String topic = Topics.create("buffer-full", 1);
        String clientId = Topics.unique("throttled");
        Topics.throttleProducer(clientId);
        // 10 s: Kafka's buffer wait (max.block.ms) is then 4.5 s and the binding's own deadline (less the margin)
        // 9 s, so a loaded machine cannot turn BUFFER_FULL into TIMEOUT
        try (Producer<String> producer = Producers.open(ProducerSettings.CLIENT_ID, clientId,
                ProducerSettings.DELIVERY_TIMEOUT, "10s", ProducerSettings.BUFFER_MAX_MESSAGES, "4",
                ProducerSettings.BUFFER_MAX_BYTES, "4000", ProducerSettings.MAX_MESSAGE_SIZE, "1000")) {
            String header = "h".repeat(40_000);
            // far over the quota: once the broker enforces it, it answers, then keeps this producer waiting (KIP-219:
            // the response says for how long, hours at 1 byte/s, and the client sends nothing to it meanwhile).
            // The quota being listed is not enough, the broker applies it a moment later: probe until a produce
            // response is throttled (a probe before that is simply written, and its bytes count against the quota)
            AtomicInteger probes = new AtomicInteger();
            Awaitility.await("the broker throttles " + clientId).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        producer.send(Message.to(topic).header("big", header).value("over the quota " + probes.incrementAndGet()));
                        return Producers.metric(producer, "produce-throttle-time-max") > 0;
                    });
            // so Kafka holds a 40 kB batch for the next record, and Kafka's buffer (sized for 4 small messages) has no
            // room for a second one, although the producer's own bound (4 messages, 4000 value bytes) has
            CompletableFuture<Receipt> held = producer.sendAsync(Message.to(topic).header("big", header).value("a"));
            CompletableFuture<Receipt> noRoom = producer.sendAsync(Message.to(topic).header("big", header).value("b"));
            MessagingException full = Producers.failure(noRoom, BOUND);
            assertThat(full.reason()).as(full.toString()).isEqualTo(Reason.BUFFER_FULL);
            assertThat(full.getCause()).isInstanceOf(BufferExhaustedException.class);
            assertThat(full.mayHaveBeenWritten()).isFalse();
            assertThat(held).failsWithin(BOUND);
        }
    }

    @Test
    @DisplayName("a timestamp before 1970, which Kafka cannot hold, fails INVALID_ARGUMENT before anything is sent")
    void timestampBefore1970IsInvalid() throws Exception {
        String topic = Topics.create("old-timestamp", 1);
        try (Producer<String> producer = Producers.open()) {
            MessagingException error = Producers.failure(producer.sendAsync(Message.to(topic)
                    .timestamp(Instant.parse("1969-12-31T23:59:59Z")).value("too old")), BOUND);
            assertThat(error.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
            assertThat(error.getMessage()).contains("1970");
        }
    }

    @Test
    @DisplayName("a topic name Kafka does not allow fails INVALID_ARGUMENT")
    void invalidTopicNameIsInvalid() throws Exception {
        try (Producer<String> producer = Producers.open()) {
            MessagingException error = Producers.failure(producer.sendAsync(Message.of("no spaces allowed", "m")), BOUND);
            assertThat(error.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        }
    }

    /** A producer that logs in on the SASL listener. */
    static Producer<String> sasl(String user, String password) {
        Map<String, String> settings = new LinkedHashMap<>();
        TestBroker.get().saslClientProperties(user, password).forEach((k, v) -> settings.put("kafka." + k, v.toString()));
        return Producers.builder(settings).build();
    }
}
