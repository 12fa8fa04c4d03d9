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
package io.switchboard;

import io.switchboard.spi.OutboundRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The core producer's own logic, on a scripted backend: deadlines, retries, buffer bounds, dead letters,
 * close. Whether real bindings keep the contract is the TCK's job, against real brokers.
 */
@DisplayName("The core producer")
class CoreProducerTest {
    @TempDir
    Path dir;

    private final List<Producer<?>> producers = new ArrayList<>();

    @AfterEach
    void closeProducers() {
        producers.forEach(p -> p.close(Duration.ofSeconds(5)));
    }

    private Producer<String> producer(Class<?> provider, String... keyValues) {
        ProducerBuilder<String> builder = Switchboard.builder(Serializers.string())
                .classLoader(TestBindings.registering(dir, provider));
        for (int i = 0; i < keyValues.length; i += 2) {
            builder.property(keyValues[i], keyValues[i + 1]);
        }
        Producer<String> producer = builder.build();
        producers.add(producer);
        return producer;
    }

    private Producer<String> producer(String... keyValues) {
        return producer(TestBindings.Beta.class, keyValues);
    }

    private static ScriptedBackend backend() {
        return TestBindings.LAST.get();
    }

    private static Reason reasonOf(CompletableFuture<?> future) {
        await().atMost(Duration.ofSeconds(10)).until(future::isDone);
        assertThat(future).isCompletedExceptionally();
        return ((MessagingException) future.handle((r, e) -> e.getCause() != null && !(e instanceof MessagingException)
                ? e.getCause() : e).join()).reason();
    }

    @Test
    void aSendWithoutAnswerFailsOutcomeUnknownAtTheDeliveryTimeout() {
        Producer<String> producer = producer("switchboard.delivery-timeout", "200ms");
        backend().answer = ScriptedBackend::never;
        CompletableFuture<Receipt> future = producer.sendAsync(Message.of("d", "v"));
        assertThat(reasonOf(future)).isEqualTo(Reason.OUTCOME_UNKNOWN);
    }

    @Test
    void aBindingFailingWithAForeignExceptionIsReportedAsMaybeWritten() {
        Producer<String> producer = producer();
        backend().answer = r -> CompletableFuture.failedFuture(new IllegalStateException("socket reset"));
        assertThat(reasonOf(producer.sendAsync(Message.of("d", "v")))).isEqualTo(Reason.OUTCOME_UNKNOWN);
    }

    @Test
    void retriesOnlyFailuresKnownNotWrittenAndKeepsTheKeysOrder() {
        Producer<String> producer = producer(TestBindings.Gamma.class, "switchboard.retry.max-attempts", "3",
                "switchboard.retry.backoff", "20ms");
        AtomicInteger firstAttempts = new AtomicInteger();
        backend().answer = r -> new String(r.value()).equals("first") && firstAttempts.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new MessagingException(Reason.UNAVAILABLE, "down"))
                : ScriptedBackend.acknowledge(r);

        CompletableFuture<Receipt> first = producer.sendAsync(Message.to("d").key("k").value("first"));
        CompletableFuture<Receipt> second = producer.sendAsync(Message.to("d").key("k").value("second"));
        await().atMost(Duration.ofSeconds(5)).until(() -> first.isDone() && second.isDone());
        assertThat(first).isCompleted();
        assertThat(second).isCompleted();
        // the second message of the key waited for the first one's retry instead of overtaking it
        assertThat(backend().handed).extracting(r -> new String(r.value())).containsExactly("first", "first", "second");
    }

    @Test
    void neverRetriesWhatMayHaveBeenWritten() {
        Producer<String> producer = producer(TestBindings.Gamma.class, "switchboard.retry.max-attempts", "5",
                "switchboard.retry.backoff", "10ms");
        backend().answer = ScriptedBackend.failWith(Reason.OUTCOME_UNKNOWN);
        assertThat(reasonOf(producer.sendAsync(Message.of("d", "v")))).isEqualTo(Reason.OUTCOME_UNKNOWN);
        backend().answer = ScriptedBackend.failWith(Reason.UNAVAILABLE);
        assertThat(reasonOf(producer.sendAsync(Message.of("d", "w")))).isEqualTo(Reason.UNAVAILABLE);
        assertThat(backend().handed).extracting(r -> new String(r.value())).containsExactly("v", "w", "w", "w", "w", "w");
    }

    @Test
    void doesNotRetryOnTopOfAClientThatRetriesItself() {
        Producer<String> producer = producer(TestBindings.Beta.class, "switchboard.retry.max-attempts", "5",
                "switchboard.retry.backoff", "10ms");
        backend().answer = ScriptedBackend.failWith(Reason.UNAVAILABLE);
        assertThat(reasonOf(producer.sendAsync(Message.of("d", "v")))).isEqualTo(Reason.UNAVAILABLE);
        assertThat(backend().handed).hasSize(1);
    }

    @Test
    void aFullBufferFailsAtOnceWithTheFailPolicyAndCloseReportsTheAbandoned() {
        Producer<String> producer = producer("switchboard.buffer.max-messages", "2", "switchboard.buffer.when-full", "fail");
        backend().answer = ScriptedBackend::never;
        CompletableFuture<Receipt> a = producer.sendAsync(Message.of("d", "a"));
        CompletableFuture<Receipt> b = producer.sendAsync(Message.of("d", "b"));
        CompletableFuture<Receipt> c = producer.sendAsync(Message.of("d", "c"));
        assertThat(reasonOf(c)).isEqualTo(Reason.BUFFER_FULL);
        assertThat(a).isNotDone();
        assertThat(b).isNotDone();

        CloseResult result = producer.close(Duration.ofMillis(100));
        assertThat(result.abandoned()).isEqualTo(2);
        assertThat(reasonOf(a)).isEqualTo(Reason.OUTCOME_UNKNOWN);
        assertThat(reasonOf(b)).isEqualTo(Reason.OUTCOME_UNKNOWN);
        assertThat(producer.close(Duration.ZERO)).isEqualTo(result);
    }

    @Test
    @DisplayName("A message the client still holds after its deadline keeps its place in the buffer until the client lets go")
    void aMessageTheClientStillHoldsKeepsItsPlaceInTheBuffer() {
        Producer<String> producer = producer("switchboard.buffer.max-messages", "2", "switchboard.buffer.when-full", "fail",
                "switchboard.delivery-timeout", "200ms");
        List<CompletableFuture<Receipt>> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        backend().answer = record -> {
            CompletableFuture<Receipt> answer = new CompletableFuture<>();
            held.add(answer);
            return answer;
        };
        CompletableFuture<Receipt> a = producer.sendAsync(Message.of("d", "a"));
        CompletableFuture<Receipt> b = producer.sendAsync(Message.of("d", "b"));
        assertThat(reasonOf(a)).isEqualTo(Reason.OUTCOME_UNKNOWN);
        assertThat(reasonOf(b)).isEqualTo(Reason.OUTCOME_UNKNOWN);

        // finished for the caller, still in the client: the buffer is still full
        assertThat(reasonOf(producer.sendAsync(Message.of("d", "c")))).isEqualTo(Reason.BUFFER_FULL);

        held.get(0).completeExceptionally(new MessagingException(Reason.TIMEOUT, "the client gave up on it"));
        CompletableFuture<Receipt> d = producer.sendAsync(Message.of("d", "d"));
        assertThat(backend().handed).extracting(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))
                .containsExactly("a", "b", "d");
        held.get(2).complete(ScriptedBackend.acknowledge(backend().handed.get(2)).join());
        assertThat(d).succeedsWithin(Duration.ofSeconds(10));
        assertThat(a.isCompletedExceptionally()).isTrue(); // the late answer changes nothing for the caller
    }

        @Test
    void theBlockPolicyWaitsUpToMaxBlockThenFailsBufferFull() {
        Producer<String> producer = producer("switchboard.buffer.max-messages", "1", "switchboard.max-block", "100ms",
                "switchboard.delivery-timeout", "1s");
        backend().answer = ScriptedBackend::never;
        producer.sendAsync(Message.of("d", "a"));
        CompletableFuture<Receipt> blocked = producer.sendAsync(Message.of("d", "b"));
        assertThat(reasonOf(blocked)).isEqualTo(Reason.BUFFER_FULL);
        assertThat(blocked.handle((r, e) -> e.getMessage()).join()).contains("after waiting PT0.1S (switchboard.max-block)");
        assertThat(backend().handed).hasSize(1);
    }

    @Test
    void aFinallyFailedMessageIsCopiedToTheDeadLetterDestinationWithTheReason() {
        Producer<String> producer = producer("switchboard.dead-letter", "orders.dlq");
        backend().answer = r -> r.destination().name().equals("orders")
                ? CompletableFuture.failedFuture(new MessagingException(Reason.PERMISSION_DENIED, "denied"))
                : ScriptedBackend.acknowledge(r);
        assertThat(reasonOf(producer.sendAsync(Message.to("orders").key("k").header("h", "1").value("v"))))
                .isEqualTo(Reason.PERMISSION_DENIED);
        assertThat(producer.flush(Duration.ofSeconds(5)).isComplete()).isTrue();
        OutboundRecord copy = backend().handed.get(1);
        assertThat(copy.destination().name()).isEqualTo("orders.dlq");
        assertThat(copy.key()).isEqualTo("k");
        assertThat(copy.headers().asMap()).containsEntry("h", "1")
                .containsEntry("switchboard.dead-letter.destination", "orders")
                .containsEntry("switchboard.dead-letter.reason", "PERMISSION_DENIED");
    }

    @Test
    void deadLetterCopiesCountAgainstTheBufferUntilTheyFinish() {
        Producer<String> producer = producer("switchboard.dead-letter", "orders.dlq",
                "switchboard.buffer.max-messages", "2", "switchboard.buffer.when-full", "fail");
        List<CompletableFuture<Receipt>> copies = new CopyOnWriteArrayList<>();
        backend().answer = r -> {
            if (r.destination().name().equals("orders")) {
                return CompletableFuture.failedFuture(new MessagingException(Reason.PERMISSION_DENIED, "denied"));
            }
            CompletableFuture<Receipt> copy = new CompletableFuture<>();
            copies.add(copy);
            return copy;
        };
        for (int i = 0; i < 2; i++) {
            assertThat(reasonOf(producer.sendAsync(Message.to("orders").value("v" + i)))).isEqualTo(Reason.PERMISSION_DENIED);
        }
        assertThat(copies).hasSize(2);
        assertThat(reasonOf(producer.sendAsync(Message.to("orders").value("v2"))))
                .as("the two copies on their way to the dead letter hold the buffer's two places")
                .isEqualTo(Reason.BUFFER_FULL);
        copies.forEach(copy -> copy.complete(ScriptedBackend.acknowledge(backend().handed.get(1)).join()));
        assertThat(reasonOf(producer.sendAsync(Message.to("orders").value("v3"))))
                .as("once the copies are delivered, their places are free again")
                .isEqualTo(Reason.PERMISSION_DENIED);
    }

    @Test
    void interceptorsAddHeadersAndSeeEachOutcomeOnce() {
        List<String> outcomes = new CopyOnWriteArrayList<>();
        Producer<String> producer = Switchboard.builder(Serializers.string())
                .classLoader(TestBindings.registering(dir, TestBindings.Beta.class))
                .interceptor(message -> new SendObserver() {
                    @Override
                    public Headers headers() {
                        return Headers.of("traceparent", "00-abc-def-01");
                    }

                    @Override
                    public void onAcknowledged(Receipt receipt) {
                        outcomes.add("ack " + receipt.destination());
                    }

                    @Override
                    public void onFailed(MessagingException error) {
                        outcomes.add("failed " + error.reason());
                    }
                }).build();
        producers.add(producer);
        producer.send(Message.of("d", "v"));
        assertThat(backend().handed.get(0).headers().asMap()).containsEntry("traceparent", "00-abc-def-01");
        backend().answer = ScriptedBackend.failWith(Reason.NOT_FOUND);
        assertThat(reasonOf(producer.sendAsync(Message.of("e", "v")))).isEqualTo(Reason.NOT_FOUND);
        assertThat(outcomes).containsExactly("ack d", "failed NOT_FOUND");
    }

    @Test
    void aFailingSerializerFailsOnlyThatSend() {
        Producer<String> producer = Switchboard.builder((Serializer<String>) v -> {
                    if (v.equals("bad")) {
                        throw new IllegalArgumentException("cannot encode");
                    }
                    return v.getBytes();
                }).classLoader(TestBindings.registering(dir, TestBindings.Beta.class)).build();
        producers.add(producer);
        assertThat(reasonOf(producer.sendAsync(Message.of("d", "bad")))).isEqualTo(Reason.SERIALIZATION);
        assertThat(producer.send(Message.of("d", "good"))).isNotNull();
        assertThat(backend().handed).extracting(r -> new String(r.value())).containsExactly("good");
    }

    @Test
    void roundRobinSpreadsUnkeyedMessagesEvenlyAndLeavesKeyedOnesToTheClient() {
        Producer<String> producer = producer("switchboard.partitioner", "round-robin");
        IntStream.range(0, 30).forEach(i -> producer.send(Message.of("d", "v" + i)));
        producer.send(Message.to("d").key("k").value("keyed"));
        Map<Integer, Long> counts = backend().handed.stream().filter(r -> r.key() == null)
                .collect(java.util.stream.Collectors.groupingBy(OutboundRecord::partition, java.util.stream.Collectors.counting()));
        assertThat(counts).containsOnly(Map.entry(0, 10L), Map.entry(1, 10L), Map.entry(2, 10L));
        assertThat(backend().handed.get(30).hasPartition()).isFalse();
    }

    @Test
    void aCustomPartitionerOutOfRangeFailsInvalidArgument() {
        Producer<String> producer = Switchboard.builder(Serializers.string())
                .classLoader(TestBindings.registering(dir, TestBindings.Beta.class))
                .partitioner((message, count) -> count).build();
        producers.add(producer);
        assertThat(reasonOf(producer.sendAsync(Message.of("d", "v")))).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(backend().handed).isEmpty();
    }

    @Test
    void featuresTheBindingLacksFailUnsupportedBeforeAnythingIsSent() {
        Producer<String> producer = producer(TestBindings.Alpha.class);
        assertThat(reasonOf(producer.sendAsync(Message.to("d").priority(3).value("v")))).isEqualTo(Reason.UNSUPPORTED);
        assertThat(backend().handed).isEmpty();
        ScriptedBackend before = backend();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> producer(TestBindings.Alpha.class,
                        "switchboard.guarantee", "effectively-once"))
                .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED))
                .hasMessageContaining("EFFECTIVELY_ONCE");
        assertThat(backend()).as("no backend is created for unsupported settings").isSameAs(before);
    }

    @Test
    void aClosedProducerRejectsSendsWithClosed() {
        Producer<String> producer = producer();
        assertThat(producer.close(Duration.ofSeconds(1)).isClean()).isTrue();
        assertThat(reasonOf(producer.sendAsync(Message.of("d", "v")))).isEqualTo(Reason.CLOSED);
        assertThat(backend().closed).isTrue();
    }

    @Test
    @DisplayName("an acknowledged send whose future the caller still holds no longer keeps the message's value reachable")
    void anAcknowledgedSendLetsGoOfItsValue() {
        Producer<String> producer = producer();
        ScriptedBackend backend = backend();
        // a receipt that does not carry the record along as its native metadata, as the scripted default does
        backend.answer = record -> CompletableFuture.completedFuture(
                Receipt.partitioned(record.destination(), 0, 0, null, (Instant) null, null));
        CompletableFuture<Receipt> future = producer.sendAsync(Message.of("d", "a value the application let go of"));
        await().atMost(Duration.ofSeconds(10)).until(future::isDone);
        java.lang.ref.WeakReference<byte[]> value = new java.lang.ref.WeakReference<>(backend.handed.get(0).value());
        backend.handed.clear();

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return value.get() == null;
        });
        assertThat(future).isCompleted();
    }

    @Test
    @DisplayName("a binding reads its record until it reports the acknowledgement, and afterwards gets an error that says why")
    void aRecordIsReadableUntilItsAcknowledgementIsReported() {
        Producer<String> producer = producer();
        ScriptedBackend backend = backend();
        AtomicReference<OutboundRecord> kept = new AtomicReference<>();
        backend.answer = record -> {
            kept.set(record);
            return CompletableFuture.completedFuture(
                    Receipt.partitioned(record.destination(), 0, 0, null, (Instant) null, null));
        };
        Receipt receipt = producer.send(Message.to("d").key("k").header("h", "v").value("payload"));
        OutboundRecord record = kept.get();

        assertThat(receipt.destination()).isEqualTo(Destination.of("d"));
        assertThat(backend.handed.get(0).key()).isEqualTo("k");
        assertThat(backend.handed.get(0).headers().get("h")).contains("v");
        assertThat(record.deadlineNanos()).isEqualTo(backend.handed.get(0).deadlineNanos());
        assertThatThrownBy(record::value).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read after its acknowledgement").hasMessageContaining("OutboundRecord");
        assertThatThrownBy(record::destination).isInstanceOf(IllegalStateException.class);
    }
}
