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
package io.switchboard.tck;

import io.switchboard.Destination;
import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.switchboard.ProducerSettings.BUFFER_MAX_MESSAGES;
import static io.switchboard.ProducerSettings.BUFFER_WHEN_FULL;
import static io.switchboard.ProducerSettings.MAX_BLOCK;
import static io.switchboard.tck.ProbeReads.values;
import static io.switchboard.tck.ProbeReads.valuesByKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** sendAsync never blocks beyond its bound, every future finishes, and the buffer bound holds. */
abstract class AsynchronousSendingContract extends ContractPart {

    AsynchronousSendingContract(BindingCompatibilityKit kit) {
        super(kit);
    }

    @Test
    @DisplayName("many threads sending at once all get their messages acknowledged, none lost and each thread's key in order")
    void concurrentSendersLoseNothing() throws Exception {
        Destination d = partitioned();
        Producer<String> producer = strings();
        int threads = 8;
        int each = 50;
        SentBatch batch = new SentBatch();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            senders.add(CompletableFuture.runAsync(() -> {
                awaitLatch(start);
                for (int i = 0; i < each; i++) {
                    send(batch, producer, Message.to(d).key("thread-" + thread).value("t" + thread + "-" + i));
                }
            }, ASIDE));
        }
        start.countDown();
        CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        batch.awaitAllAcknowledged(PATIENCE);
        List<ProbedMessage> read = probe.atLeast(d, threads * each);
        assertThat(values(read)).containsAll(batch.values());
        Map<String, List<String>> byKey = valuesByKey(read);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            List<String> expected = IntStream.range(0, each).mapToObj(i -> "t" + thread + "-" + i).toList();
            assertThat(byKey.get("thread-" + t)).as("order of key thread-%d", t).containsSubsequence(expected);
        }
    }

    @Test
    @DisplayName("sendAsync() returns without waiting for the broker, and every future it returned completes")
    void sendAsyncReturnsAndAllFuturesComplete() {
        Destination d = topic(1);
        Producer<String> producer = strings();
        SentBatch batch = new SentBatch();
        assertTimeoutPreemptively(PATIENCE, () -> {
            for (int i = 0; i < 1000; i++) {
                send(batch, producer, Message.to(d).value("m-" + i));
            }
        }, "1000 calls of sendAsync() with room in the buffer did not return");
        batch.awaitAllAcknowledged(PATIENCE);
        assertThat(values(probe.atLeast(d, 1000))).containsAll(batch.values());
    }

    @Test
    @DisplayName("with buffer.when-full=fail, a send that finds the buffer full fails BUFFER_FULL at once")
    void fullBufferFailsAtOnce() {
        Stall stall = new Stall(scope);
        Destination d = topic(1);
        Producer<String> producer = strings(with(stall.settings(), BUFFER_MAX_MESSAGES, "3",
                BUFFER_WHEN_FULL, "fail", MAX_BLOCK, "10s"));
        warmUp(producer, d);
        stall.begin();
        SentBatch accepted = new SentBatch();
        for (int i = 0; i < 3; i++) {
            send(accepted, producer, Message.to(d).key("k").value("m-" + i));
        }
        requireHeld(accepted, stall);
        long start = System.nanoTime();
        CompletableFuture<Receipt> rejected = producer.sendAsync(Message.to(d).key("k").value("rejected"));
        Duration took = since(start);
        assertThat(rejected).as("the send over the bound").isDone();
        assertThat(failure(rejected).reason()).isEqualTo(Reason.BUFFER_FULL);
        assertThat(took).as("time the rejected sendAsync() took (max-block is 10s, unused with fail)")
                .isLessThan(Duration.ofSeconds(2));
        stall.end(producer);
        accepted.awaitAllAcknowledged(PATIENCE);
    }

    @Test
    @DisplayName("with buffer.when-full=block, a send that finds the buffer full waits max-block, then fails BUFFER_FULL")
    void fullBufferBlocksForMaxBlock() {
        Stall stall = new Stall(scope);
        Destination d = topic(1);
        Duration maxBlock = Duration.ofMillis(1000);
        Producer<String> producer = strings(with(stall.settings(), BUFFER_MAX_MESSAGES, "2",
                BUFFER_WHEN_FULL, "block", MAX_BLOCK, maxBlock.toMillis() + "ms"));
        warmUp(producer, d);
        stall.begin();
        SentBatch accepted = new SentBatch();
        for (int i = 0; i < 2; i++) {
            send(accepted, producer, Message.to(d).key("k").value("m-" + i));
        }
        requireHeld(accepted, stall);
        long start = System.nanoTime();
        CompletableFuture<Receipt> rejected = assertTimeoutPreemptively(maxBlock.plus(MARGIN),
                () -> producer.sendAsync(Message.to(d).key("k").value("rejected")),
                "sendAsync() waited longer than max-block for room in the buffer");
        Duration took = since(start);
        assertThat(took).as("time the blocked sendAsync() waited").isGreaterThanOrEqualTo(maxBlock.minusMillis(100));
        assertThat(failure(rejected).reason()).isEqualTo(Reason.BUFFER_FULL);
        stall.end(producer);
        accepted.awaitAllAcknowledged(PATIENCE);
    }

    @Test
    @DisplayName("a send waiting for room in the buffer goes on as soon as an acknowledgement frees some")
    void waitingSendProceedsWhenRoomFrees() throws Exception {
        Stall stall = new Stall(scope);
        Destination d = topic(1);
        Producer<String> producer = strings(with(stall.settings(), BUFFER_MAX_MESSAGES, "1",
                BUFFER_WHEN_FULL, "block", MAX_BLOCK, "30s"));
        warmUp(producer, d);
        stall.begin();
        SentBatch batch = new SentBatch();
        send(batch, producer, Message.to(d).key("k").value("first"));
        requireHeld(batch, stall);
        CompletableFuture<CompletableFuture<Receipt>> waiting = CompletableFuture.supplyAsync(
                () -> producer.sendAsync(Message.to(d).key("k").value("second")), ASIDE);
        await("the second sendAsync() waits while the buffer is full").during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3)).until(() -> !waiting.isDone());
        stall.end(producer);
        CompletableFuture<Receipt> second = waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        stall.release(producer);
        batch.add("second", second);
        batch.awaitAllAcknowledged(PATIENCE);
        assertThat(values(probe.through(d, "second"))).containsExactly("warm-up", "first", "second");
    }

    @Test
    @DisplayName("nothing the producer accepted is lost when later sends fail BUFFER_FULL, and nothing rejected is written")
    void bufferFullLosesNothingAccepted() {
        Stall stall = new Stall(scope);
        Destination d = topic(1);
        Producer<String> producer = strings(with(stall.settings(), BUFFER_MAX_MESSAGES, "5",
                BUFFER_WHEN_FULL, "fail"));
        warmUp(producer, d);
        stall.begin();
        SentBatch accepted = new SentBatch();
        List<String> rejected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String value = "m-" + i;
            CompletableFuture<Receipt> future = producer.sendAsync(Message.to(d).key("k").value(value));
            if (future.isCompletedExceptionally() && failure(future).reason() == Reason.BUFFER_FULL) {
                rejected.add(value);
            } else {
                accepted.add(value, future);
            }
        }
        requireHeld(accepted, stall);
        assertThat(rejected).as("sends rejected with BUFFER_FULL").isNotEmpty();
        assertThat(accepted.size()).as("sends accepted").isEqualTo(5);
        stall.end(producer);
        accepted.awaitAllAcknowledged(PATIENCE);
        CompletableFuture<Receipt> after = producer.sendAsync(Message.to(d).key("k").value("after"));
        stall.release(producer);
        assertThat(after).succeedsWithin(PATIENCE);
        List<String> expected = new ArrayList<>(List.of("warm-up"));
        expected.addAll(accepted.values());
        expected.add("after");
        assertThat(values(probe.through(d, "after"))).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("a future's callback may send again on the thread that completed it, without deadlock")
    void callbacksMaySendAgain() {
        Destination d = topic(1);
        Producer<String> producer = strings();
        CompletableFuture<Receipt> chain = producer.sendAsync(Message.to(d).key("k").value("link-0"));
        for (int i = 1; i < 20; i++) {
            String value = "link-" + i;
            chain = chain.thenCompose(receipt -> producer.sendAsync(Message.to(d).key("k").value(value)));
        }
        assertThat(chain).succeedsWithin(PATIENCE);
        List<String> expected = IntStream.range(0, 20).mapToObj(i -> "link-" + i).toList();
        assertThat(values(probe.atLeast(d, 20))).containsExactlyElementsOf(expected);
    }
}
