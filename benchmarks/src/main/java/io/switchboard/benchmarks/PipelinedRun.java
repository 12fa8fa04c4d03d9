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
package io.switchboard.benchmarks;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One series of asynchronous pipelined sends from one thread, bounded by a number of unacknowledged messages (a
 * permit taken before each send, released in its completion callback): each message's start and completion time,
 * the errors, and the process and per-thread CPU around the series. Used by the Kafka and Pulsar side-by-side mains.
 *
 * <p>With a rate ({@link #atRate}), message {@code i} is due at {@code begin + i / rate}, a schedule fixed in
 * advance, as the OpenMessaging Benchmark does: the thread waits for each message's time, and its latency counts
 * from that time, not from when the send call began, so a client that falls behind is charged for the wait it
 * caused (coordinated omission corrected).
 */
final class PipelinedRun {
    /** One producer under test: sends a message and calls {@link PipelinedRun#done} with its index once it has an outcome. */
    interface Client extends AutoCloseable {
        void send(int index, String key, byte[] value, PipelinedRun run);

        @Override
        void close();
    }

    final int messages;
    final int inFlight;
    /** Nanoseconds between two messages' due times, or 0 to send as fast as the permits allow. */
    private final long periodNanos;
    private final long waitSeconds;
    private final Semaphore permits;
    final long[] started;
    final long[] finished;
    final AtomicInteger errors = new AtomicInteger();
    volatile Throwable firstError;
    long begin;
    long cpuNanos;
    /** Every thread's CPU when the clock started and once every send had its outcome; the sending thread's id. */
    ThreadCpu threadsAtBegin;
    ThreadCpu threadsAtEnd;
    long senderThreadId;
    double loadBefore;

    /** @param waitSeconds the bound of each wait for a permit or for the last acknowledgements */
    PipelinedRun(int messages, int inFlight, long waitSeconds) {
        this(messages, inFlight, waitSeconds, 0);
    }

    private PipelinedRun(int messages, int inFlight, long waitSeconds, long periodNanos) {
        this.periodNanos = periodNanos;
        this.messages = messages;
        this.inFlight = inFlight;
        this.waitSeconds = waitSeconds;
        this.permits = new Semaphore(inFlight);
        this.started = new long[messages];
        this.finished = new long[messages];
    }

    /** A run of {@code messages} due at {@code perSecond}, at most {@code inFlight} of them unacknowledged. */
    static PipelinedRun atRate(int messages, double perSecond, int inFlight, long waitSeconds) {
        return new PipelinedRun(messages, inFlight, waitSeconds, Math.max(1, Math.round(1e9 / perSecond)));
    }

    void sendAll(Client client, String[] keys, byte[] value) throws InterruptedException {
        loadBefore = MachineLoad.oneMinute();
        ThreadCpu threadsBefore = ThreadCpu.now();
        long cpuBefore = ThreadCpu.processNanos();
        begin = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            if (!permits.tryAcquire(waitSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no acknowledgement for " + waitSeconds + " s with " + inFlight + " in flight");
            }
            started[i] = periodNanos == 0 ? System.nanoTime() : awaitDue(begin + i * periodNanos);
            client.send(i, keys[i % keys.length], value, this);
        }
        if (!permits.tryAcquire(inFlight, waitSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the last sends were not acknowledged within " + waitSeconds + " s");
        }
        cpuNanos = ThreadCpu.processNanos() - cpuBefore;
        threadsAtBegin = threadsBefore;
        threadsAtEnd = ThreadCpu.now();
        senderThreadId = Thread.currentThread().getId();
        permits.release(inFlight);
    }

    /** Waits until {@code due} (spinning the last stretch, whose length a park would overshoot); returns it. */
    private static long awaitDue(long due) {
        long left;
        while ((left = due - System.nanoTime()) > 0) {
            if (left > 200_000) {
                LockSupport.parkNanos(left - 100_000);
            } else {
                Thread.onSpinWait();
            }
        }
        return due;
    }

    /** Called once per send, on the client's I/O thread (or the sending thread if the send failed at once). */
    void done(int index, Throwable error) {
        finished[index] = System.nanoTime();
        if (error != null && errors.getAndIncrement() == 0) {
            firstError = error;
        }
        permits.release();
    }

    double perSecond() {
        return SendTimings.perSecond(messages, begin, finished);
    }

    /** The latencies from each send's start (or due time, at a rate) to its completion. */
    Latencies latencies() {
        return Latencies.of(started, finished);
    }

    double cpuMicrosPerMessage() {
        return cpuNanos / 1_000.0 / messages;
    }
}
