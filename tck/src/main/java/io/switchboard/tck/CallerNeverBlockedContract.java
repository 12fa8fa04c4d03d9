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
import io.switchboard.Receipt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sendAsync} returns without waiting for the network, with the broker healthy: on a producer's first send,
 * on the first send to a destination, right after a flush, and while the binding's client is slowed down. Each
 * call is bounded on its own, never a throughput, and a scenario counts as blocking only if every one of
 * {@link #ATTEMPTS} fresh attempts has a call over the bound, so a pause of a loaded machine cannot fail it while a
 * binding that waits for its client fails every time.
 */
abstract class CallerNeverBlockedContract extends ContractPart {
    /** Generous next to a call that only queues (microseconds), far below any client timeout (seconds). */
    static final Duration CALL_BOUND = Duration.ofMillis(500);
    /** Fresh attempts a scenario gets before its slow calls count as blocking. */
    static final int ATTEMPTS = 3;
    /** How long the kit's slow callback holds the thread that completes a future: longer than the bound. */
    static final Duration SLOW_CALLBACK = Duration.ofMillis(1500);

    CallerNeverBlockedContract(BindingCompatibilityKit kit) {
        super(kit);
    }

    @Test
    @DisplayName("the first sendAsync() of a new producer returns within 500 ms")
    void firstSendOfANewProducer() {
        requireUnblocked("the first send of a new producer", attempt -> {
            Destination d = partitioned();
            Producer<String> producer = strings();
            return timedSends(producer, d, 1, attempt);
        });
    }

    @Test
    @DisplayName("the first sendAsync() to each destination the producer has not used yet returns within 500 ms")
    void firstSendToANewDestination() {
        Producer<String> producer = strings();
        warmUp(producer, partitioned());
        requireUnblocked("the first send to a new destination", attempt -> {
            long slowest = 0;
            for (int i = 0; i < 3; i++) {
                slowest = Math.max(slowest, timedSends(producer, partitioned(), 1, attempt));
            }
            return slowest;
        });
    }

    @Test
    @DisplayName("sendAsync() right after a flush returns within 500 ms")
    void sendsRightAfterAFlush() {
        Destination d = partitioned();
        Producer<String> producer = strings();
        warmUp(producer, d);
        requireUnblocked("a send right after a flush", attempt -> {
            timedSends(producer, d, 20, attempt);   // ends with a flush
            return timedSends(producer, d, 20, attempt);
        });
    }

    @Test
    @DisplayName("while a slow callback holds the thread that completes futures, sendAsync() still returns within 500 ms")
    void sendsWhileTheClientIsSlowedDown() {
        Destination d = partitioned();
        Producer<String> producer = strings();
        warmUp(producer, d);
        requireUnblocked("a send while the client's thread is held by a slow callback", attempt -> {
            CountDownLatch held = new CountDownLatch(1);
            producer.sendAsync(Message.to(d).key("k").value("slow-" + attempt)).whenComplete((r, e) -> {
                held.countDown();
                // the point of the case: a callback that keeps the completing thread (often the client's own)
                LockSupport.parkNanos(SLOW_CALLBACK.toNanos());
            });
            awaitHeld(held);
            return timedSends(producer, d, 50, attempt);
        });
    }

    /**
     * Runs {@code scenario} (which returns its slowest call in nanoseconds) until one attempt has every call within
     * {@link #CALL_BOUND}, at most {@link #ATTEMPTS} times.
     */
    private static void requireUnblocked(String what, Function<Integer, Long> scenario) {
        List<Duration> slowest = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Duration took = Duration.ofNanos(scenario.apply(attempt));
            if (took.compareTo(CALL_BOUND) <= 0) {
                return;
            }
            slowest.add(took);
        }
        assertThat(slowest).as("the slowest sendAsync() call of each of %d attempts at %s: each blocked the caller"
                + " longer than %d ms although the broker is healthy", ATTEMPTS, what, CALL_BOUND.toMillis())
                .allMatch(d -> d.compareTo(CALL_BOUND) <= 0);
    }

    /**
     * Sends {@code count} keyed messages, flushes, requires each to be acknowledged, and returns the slowest
     * {@code sendAsync} call's time in nanoseconds.
     */
    private long timedSends(Producer<String> producer, Destination d, int count, int attempt) {
        List<CompletableFuture<Receipt>> futures = new ArrayList<>();
        long slowest = 0;
        for (int i = 0; i < count; i++) {
            Message<String> message = Message.to(d).key("key-" + i % 5).value("timed-" + attempt + "-" + i);
            long start = System.nanoTime();
            futures.add(producer.sendAsync(message));
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        flushInBound(producer, FLUSH_TIMEOUT.plus(SLOW_CALLBACK));
        futures.forEach(f -> assertThat(f).as("a timed send").succeedsWithin(PATIENCE));
        return slowest;
    }

    private static void awaitHeld(CountDownLatch held) {
        try {
            assertThat(held.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the slow callback's send was acknowledged").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
