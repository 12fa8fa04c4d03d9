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

import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.spi.OutboundRecord;
import org.apache.pulsar.client.api.Producer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.Consumer;

/**
 * The native producer of one {@link Target}, opened lazily and asynchronously. Records that arrive while it opens
 * wait in call order and are sent, still in that order, the moment it is ready; the caller never waits. A record
 * that is still waiting shortly before its deadline fails {@link Reason#TIMEOUT} (it was never handed to Pulsar),
 * and if opening fails, every waiting record fails with the reason, known not written.
 *
 * <p>It counts the records it has not finished, so that the cache evicts only an idle producer (closing one with
 * records in flight could reorder a key) and close can wait for the count to reach zero.
 */
final class TopicProducer {
    /** A native producer once open, and whether its destination is a partitioned topic. */
    record Opened(Producer<byte[]> producer, boolean partitionedTopic) {
    }

    /** Opens the native producer of a target. */
    interface Opener {
        CompletableFuture<Opened> open(Target target);
    }

    private static final class Waiting {
        final OutboundRecord record;
        final PendingMessage result;
        /** Its early failure, cancelled once it is handed over or fails otherwise. Guarded by the producer. */
        Future<?> expiry;

        Waiting(OutboundRecord record, PendingMessage result) {
            this.record = record;
            this.result = result;
        }
    }

    private static final long STAMP_RESOLUTION_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Target target;
    private final MessageSender sender;
    private final PulsarFailures failures;
    private final long marginNanos;
    private final ScheduledExecutorService timer;
    private final Runnable onIdle;
    private final Consumer<TopicProducer> onFailed;
    private static final AtomicIntegerFieldUpdater<TopicProducer> LIFE =
            AtomicIntegerFieldUpdater.newUpdater(TopicProducer.class, "life");
    private static final AtomicLongFieldUpdater<TopicProducer> TAKEN =
            AtomicLongFieldUpdater.newUpdater(TopicProducer.class, "taken");
    private static final int ACTIVE = 0;
    private static final int RETIRING = 1;
    private static final int RETIRED = 2;
    /**
     * Records counted on this producer, written by sending threads; {@link #finished}, by the client's threads.
     * Unfinished records are the difference. Two totals instead of one count, so that a send and an acknowledgement
     * never write the same word (the hot path's costliest step when they run on two cores).
     */
    private volatile long taken;
    private final FinishedCount finished = new FinishedCount();
    /** ACTIVE, RETIRING while {@link #tryRetire} decides, then RETIRED for good or ACTIVE again. */
    private volatile int life;
    /**
     * When it was last used, for the cache's least-recently-used choice: the latest deadline of the records it took
     * (each is its acceptance time plus the same delivery timeout, so deadlines order uses as the clock would,
     * without reading the clock per record). Written only when it moves by a millisecond or more.
     */
    private volatile long lastUsedNanos = System.nanoTime();

    /** Published only after the records that waited for it were handed over, so later records follow them. */
    private volatile Opened opened;
    // guarded by this
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private MessagingException failure;
    private boolean flushWanted;
    private boolean closeWanted;

    /**
     * @param marginNanos how long before a record's deadline a record still waiting fails
     * @param timer       the Switchboard producer's own thread for those early failures
     */
    TopicProducer(Target target, MessageSender sender, PulsarFailures failures, long marginNanos,
                  ScheduledExecutorService timer, Runnable onIdle, Consumer<TopicProducer> onFailed) {
        this.target = target;
        this.sender = sender;
        this.failures = failures;
        this.marginNanos = marginNanos;
        this.timer = timer;
        this.onIdle = onIdle;
        this.onFailed = onFailed;
    }

    Target target() {
        return target;
    }

    /** Starts opening the native producer; returns at once. */
    void start(Opener opener) {
        CompletableFuture<Opened> opening;
        try {
            opening = opener.open(target);
        } catch (RuntimeException e) {
            opening = CompletableFuture.failedFuture(e);
        }
        opening.whenComplete((ready, error) -> {
            if (error == null) {
                ready(ready);
            } else {
                failedToOpen(error);
            }
        });
    }

    /**
     * Counts one more unfinished record; false if this producer is retired.
     *
     * @param usedNanos the record's deadline, which stands for when it was accepted (see {@link #lastUsedNanos})
     */
    boolean tryAcquire(long usedNanos) {
        while (true) {
            int state = life;
            if (state == RETIRED) {
                return false;
            }
            if (state == RETIRING) {
                Thread.onSpinWait();   // tryRetire is deciding, from the counts only: a few reads
                continue;
            }
            TAKEN.incrementAndGet(this);
            if (life == ACTIVE) {
                break;
            }
            // retirement began meanwhile and decides without this record: give the count back, and look again
            finished.add();
        }
        if (usedNanos - lastUsedNanos >= STAMP_RESOLUTION_NANOS) {
            lastUsedNanos = usedNanos;
        }
        return true;
    }

    /** One record finished; tells the listener, which does nothing unless the Switchboard producer is closing. */
    void release() {
        finished.add();
        onIdle.run();
    }

    boolean isIdle() {
        long done = finished.total;   // first, as in tryRetire
        return taken == done;
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    /**
     * Retires this producer if it is idle: nobody can acquire it afterwards. A sender that counts a record while this
     * decides sees RETIRING and gives the count back, so idle here means idle for good.
     */
    boolean tryRetire() {
        if (!LIFE.compareAndSet(this, ACTIVE, RETIRING)) {
            return false;
        }
        // the finished total first: equal to the taken one read after it only if nothing was unfinished then and
        // nothing was counted since (a sender counting after the first read sees RETIRING and gives its count back)
        long done = finished.total;
        boolean idle = taken == done;
        life = idle ? RETIRED : ACTIVE;
        return idle;
    }

    /** The running total of finished records, on a cache line of its own (written by the client's threads). */
    @SuppressWarnings("unused")
    private static final class FinishedCount {
        private static final AtomicLongFieldUpdater<FinishedCount> TOTAL =
                AtomicLongFieldUpdater.newUpdater(FinishedCount.class, "total");
        private long p1, p2, p3, p4, p5, p6, p7;
        volatile long total;
        private long q1, q2, q3, q4, q5, q6, q7;

        void add() {
            TOTAL.incrementAndGet(this);
        }
    }

    /** Sends the record now if the native producer is open, or queues it behind the ones waiting for it. */
    void submit(PendingMessage result) {
        OutboundRecord record = result.record;
        Opened ready = opened;
        if (ready == null) {
            MessagingException refused;
            synchronized (this) {
                refused = failure != null ? failure : closeWanted ? closedBeforeHandOver() : null;
                ready = opened;
                if (refused == null && ready == null) {
                    Waiting entry = new Waiting(record, result);
                    waiting.add(entry);
                    if (expireBeforeDeadline(entry)) {
                        return;
                    }
                    // the timer is shut down: the Switchboard producer closed while this record was on its way
                    waiting.remove(entry);
                    refused = closedBeforeHandOver();
                }
            }
            if (refused != null) {
                result.fail(refused);
                return;
            }
        }
        sender.send(ready.producer(), target, ready.partitionedTopic(), result);
    }

    /** Sends what the native producer holds for batching; completes when it has answers for all of it. */
    CompletableFuture<Void> flush() {
        Opened ready = opened;
        if (ready == null) {
            synchronized (this) {
                ready = opened;
                if (ready == null) {
                    flushWanted = true;
                    return CompletableFuture.completedFuture(null);
                }
            }
        }
        return ready.producer().flushAsync();
    }

    /**
     * Closes the native producer, now or as soon as it is open. Records still waiting for it fail
     * {@link Reason#CLOSED}: they never reached Pulsar. Pulsar fails what it holds itself.
     */
    CompletableFuture<Void> close() {
        Opened ready;
        List<Waiting> dropped;
        synchronized (this) {
            closeWanted = true;
            ready = opened;
            dropped = drainWaiting();
        }
        dropped.forEach(entry -> entry.result.fail(closedBeforeHandOver()));
        return ready == null ? CompletableFuture.completedFuture(null) : ready.producer().closeAsync();
    }

    private MessagingException closedBeforeHandOver() {
        return new MessagingException(Reason.CLOSED, "the producer closed while the Pulsar producer for " + target
                + " was still opening; the message was not written");
    }

    /**
     * Hands the waiting records over in order, then publishes the producer. The lock is held only to take the next
     * record, never while Pulsar sends, so senders arriving meanwhile wait for nothing: they join the queue (their
     * own callbacks included) and are handed over in turn.
     */
    private void ready(Opened ready) {
        boolean close;
        boolean flush;
        while (true) {
            Waiting entry;
            synchronized (this) {
                entry = closeWanted ? null : waiting.poll();
                if (entry != null) {
                    entry.expiry.cancel(false);
                } else {
                    opened = ready;
                    close = closeWanted;
                    flush = flushWanted;
                    break;
                }
            }
            if (!entry.result.isAnswered()) {
                sender.send(ready.producer(), target, ready.partitionedTopic(), entry.result);
            }
        }
        if (close) {
            ready.producer().closeAsync();
        } else if (flush) {
            ready.producer().flushAsync();
        }
    }

    private void failedToOpen(Throwable error) {
        MessagingException reason = failures.creation(target, error);
        List<Waiting> failed;
        synchronized (this) {
            failure = reason;
            failed = drainWaiting();
        }
        // the next record to this target opens a new producer
        onFailed.accept(this);
        failed.forEach(entry -> entry.result.fail(reason));
    }

    /** Takes every waiting record out of the queue and cancels their early failures. Called holding the lock. */
    private List<Waiting> drainWaiting() {
        List<Waiting> drained = new ArrayList<>(waiting);
        waiting.clear();
        drained.forEach(entry -> entry.expiry.cancel(false));
        return drained;
    }

    /**
     * A record waiting for the producer to open fails just before its deadline, when it is still certain that it
     * was not written; otherwise the producer's deadline would fail it as "maybe written". The failure runs on the
     * Switchboard producer's own timer thread, never on the shared common pool, which on a small machine is a
     * single thread that any user code can hold up. Called holding the lock.
     *
     * @return false if the timer is shut down (the Switchboard producer closed)
     */
    private boolean expireBeforeDeadline(Waiting entry) {
        long delay = entry.record.deadlineNanos() - marginNanos - System.nanoTime();
        try {
            entry.expiry = timer.schedule(() -> expire(entry), Math.max(0, delay), TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void expire(Waiting entry) {
        synchronized (this) {
            if (!waiting.remove(entry)) {
                return;
            }
        }
        entry.result.fail(new MessagingException(Reason.TIMEOUT, "Pulsar could not open a producer"
                + " for " + target + " within the delivery timeout; the message was not written"));
    }

    @Override
    public String toString() {
        return "TopicProducer[" + target + (opened == null ? ", opening" : "") + "]";
    }
}
