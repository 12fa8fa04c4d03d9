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
package io.switchboard.core;

import io.switchboard.MessagingException;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The buffer bound kept in one word: both limits, both policies, and close waking who waits. */
class SendPermitsTest {
    /** The waiting sender's own thread: the common pool may be busy with other tests' work. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopSender() {
        sender.shutdownNow();
    }

    private static SendPermits permits(String whenFull, int maxMessages, int maxBytes) {
        return new SendPermits(ProducerSettings.from(Map.of(
                ProducerSettings.BUFFER_WHEN_FULL, whenFull,
                ProducerSettings.BUFFER_MAX_MESSAGES, Integer.toString(maxMessages),
                ProducerSettings.BUFFER_MAX_BYTES, Integer.toString(maxBytes),
                ProducerSettings.MAX_MESSAGE_SIZE, Integer.toString(maxBytes),
                ProducerSettings.MAX_BLOCK, "30s")));
    }

    @Test
    @DisplayName("the message count is bounded, and a release makes room for exactly one more")
    void countBound() {
        SendPermits permits = permits("fail", 2, 1_000);
        permits.acquire(10);
        permits.acquire(10);
        assertThatThrownBy(() -> permits.acquire(10)).isInstanceOfSatisfying(MessagingException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BUFFER_FULL);
            assertThat(e.getMessage()).contains(ProducerSettings.BUFFER_MAX_MESSAGES + "=2");
        });
        permits.release(10);
        permits.acquire(10);
        assertThatThrownBy(() -> permits.acquire(10)).isInstanceOf(MessagingException.class);
    }

    @Test
    @DisplayName("the bytes are bounded apart from the count, and a refused message takes nothing")
    void byteBound() {
        SendPermits permits = permits("fail", 100, 100);
        permits.acquire(60);
        assertThatThrownBy(() -> permits.acquire(50)).isInstanceOfSatisfying(MessagingException.class, e ->
                assertThat(e.getMessage()).contains(ProducerSettings.BUFFER_MAX_BYTES + "=100"));
        permits.acquire(40);   // exactly full: the refused 50 took no bytes and no message
        permits.release(60);
        permits.acquire(0);
        permits.acquire(60);
    }

    @Test
    @DisplayName("under the block policy a full buffer waits, and the next release lets the sender in")
    void blockedSenderGoesOnRelease() throws Exception {
        SendPermits permits = permits("block", 1, 1_000);
        permits.acquire(1);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> permits.acquire(1), sender);
        await().during(200, TimeUnit.MILLISECONDS).atMost(5, TimeUnit.SECONDS).until(() -> !waiting.isDone());
        permits.release(1);
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(waiting).isCompleted();
    }

    @Test
    @DisplayName("closing wakes a sender waiting for room, which fails CLOSED and takes nothing")
    void closeWakesWaiters() throws Exception {
        SendPermits permits = permits("block", 1, 1_000);
        permits.acquire(1);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> permits.acquire(1), sender);
        await().during(200, TimeUnit.MILLISECONDS).atMost(5, TimeUnit.SECONDS).until(() -> !waiting.isDone());
        permits.wakeAll();
        await().atMost(10, TimeUnit.SECONDS).until(waiting::isDone);
        assertThat(waiting).isCompletedExceptionally();
        assertThatThrownBy(waiting::join).hasCauseInstanceOf(MessagingException.class)
                .cause().satisfies(e -> assertThat(((MessagingException) e).reason()).isEqualTo(Reason.CLOSED));
        permits.release(1);
        permits.acquire(1);   // the woken sender took no room
    }
}
