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

import io.switchboard.BufferFullPolicy;
import io.switchboard.MessagingException;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one bound on accepted-but-unfinished messages: a permit per message and one per value byte. Not a second
 * queue: a permit is held from acceptance to outcome while the client does the buffering.
 *
 * <p>Two running totals, each one word worth {@code messages * 2^32 + bytes}: what senders have taken
 * ({@link #taken}, written by sending threads) and what completions have given back ({@link Returns}, written by
 * the client's completing thread, on a cache line of its own). What is in use is their difference, exact in 64-bit
 * arithmetic however often the totals wrap, and its halves are the messages and the bytes in use (each below 2^31).
 * So the sending thread and the completing thread never write the same word: a sender decides with the returns it
 * last read, which can only make it see the buffer fuller than it is, and reads them again only when that says
 * full. Only a sender that finds the buffer full takes the lock, to wait; a return looks at the lock only when
 * someone waits.
 */
final class SendPermits {
    private static final AtomicLongFieldUpdater<SendPermits> TAKEN =
            AtomicLongFieldUpdater.newUpdater(SendPermits.class, "taken");
    private static final long ONE_MESSAGE = 1L << 32;
    private static final long BYTES_MASK = ONE_MESSAGE - 1;

    /** The running total of what completions gave back, padded to a cache line of its own. */
    @SuppressWarnings("unused")
    private static final class Returns {
        private static final AtomicLongFieldUpdater<Returns> TOTAL = AtomicLongFieldUpdater.newUpdater(Returns.class, "total");
        private long p1, p2, p3, p4, p5, p6, p7;
        volatile long total;
        private long q1, q2, q3, q4, q5, q6, q7;

        void add(long amount) {
            TOTAL.getAndAdd(this, amount);
        }
    }

    private final BufferFullPolicy policy;
    private final long maxBlockNanos;
    private final int maxMessages;
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomMade = lock.newCondition();
    /** The running total of what senders took (see the class comment). */
    private volatile long taken;
    private final Returns returns = new Returns();
    /** The returns as a sender last read them: never more than the real total, so deciding by it is safe. */
    private volatile long returnsSeen;
    /** Senders waiting for room; a release signals only when there are some. */
    private volatile int waiting;
    private volatile boolean closed;

    SendPermits(ProducerSettings settings) {
        this.maxMessages = settings.bufferMaxMessages();
        this.maxBytes = Math.min(settings.bufferMaxBytes(), Integer.MAX_VALUE);
        this.policy = settings.bufferWhenFull();
        this.maxBlockNanos = settings.maxBlock().toNanos();
    }

    /**
     * Takes room for one message of {@code size} bytes, waiting up to max-block under the block policy.
     *
     * @throws MessagingException {@link Reason#BUFFER_FULL} when there is no room in time; {@link Reason#CLOSED}
     *                            when the producer closed while the sender waited
     */
    void acquire(int size) {
        if (tryAcquire(size)) {
            return;
        }
        if (policy == BufferFullPolicy.FAIL) {
            throw full(size);
        }
        awaitRoom(size);
    }

    void release(int size) {
        returns.add(ONE_MESSAGE + size);
        if (waiting > 0) {
            signalAll();
        }
    }

    /** Lets every sender waiting for room go now: each fails {@link Reason#CLOSED}. */
    /** Messages taken and not yet returned, read live (for metrics). */
    long messagesInUse() {
        return inUse() >>> 32;
    }

    /** Bytes taken and not yet returned, read live (for metrics). */
    long bytesInUse() {
        return inUse() & BYTES_MASK;
    }

    /** The returns first, then the takes: a return never precedes its take, so the difference is never negative. */
    private long inUse() {
        long returned = returns.total;
        return Math.max(0, taken - returned);
    }

    void wakeAll() {
        closed = true;
        signalAll();
    }

    private boolean tryAcquire(int size) {
        boolean fresh = false;
        while (true) {
            long current = taken;
            long returned = returnsSeen;
            if (!fits(current - returned, size)) {
                if (fresh) {
                    return false;
                }
                // full by the returns last read: read them again, once
                returnsSeen = returns.total;
                fresh = true;
                continue;
            }
            if (TAKEN.compareAndSet(this, current, current + ONE_MESSAGE + size)) {
                return true;
            }
        }
    }

    /** Whether one more message of {@code size} bytes fits next to what is in use ({@code inUse}, both halves). */
    private boolean fits(long inUse, int size) {
        return (inUse >>> 32) < maxMessages && (inUse & BYTES_MASK) + size <= maxBytes;
    }

    private void awaitRoom(int size) {
        long deadline = System.nanoTime() + maxBlockNanos;
        lock.lock();
        try {
            // counted before the next try, so a release after that try sees a waiter and signals
            waiting++;
            while (true) {
                if (closed) {
                    throw new MessagingException(Reason.CLOSED, "the producer closed while the message waited for room"
                            + " in its buffer; the message was not accepted");
                }
                if (tryAcquire(size)) {
                    return;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw full(size);
                }
                roomMade.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException(Reason.BUFFER_FULL, "interrupted while waiting for room in the producer's buffer;"
                    + " the message was not accepted", e);
        } finally {
            waiting--;
            lock.unlock();
        }
    }

    private void signalAll() {
        lock.lock();
        try {
            roomMade.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private MessagingException full(int size) {
        long inUse = taken - returns.total;
        boolean messagesFull = (inUse >>> 32) >= maxMessages;
        String what = messagesFull ? "messages" : "bytes";
        String setting = messagesFull ? ProducerSettings.BUFFER_MAX_MESSAGES : ProducerSettings.BUFFER_MAX_BYTES;
        long limit = messagesFull ? maxMessages : maxBytes;
        String waited = policy == BufferFullPolicy.FAIL ? "at once (" + ProducerSettings.BUFFER_WHEN_FULL + "=fail)"
                : "after waiting " + Duration.ofNanos(maxBlockNanos) + " (" + ProducerSettings.MAX_BLOCK + ")";
        return new MessagingException(Reason.BUFFER_FULL, "the producer's buffer is full (" + setting + "=" + limit
                + " unacknowledged " + what + "); the message was not accepted " + waited
                + ". Slow down, raise " + setting + ", or check that the broker is reachable");
    }
}
