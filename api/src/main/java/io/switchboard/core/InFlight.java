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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The producer's accepted and unfinished sends: what flush and close wait for, and what deadlines apply to.
 *
 * <p>Sends are kept in buckets by deadline, a few milliseconds wide (a timing wheel), so that enforcing the
 * delivery timeout looks only at the buckets whose time has come instead of every unfinished send on every tick.
 * A bucket is swept once its whole time span has passed, so no send ever expires early.
 *
 * <p>A bucket is a lock-free stack linked through the sends themselves ({@link PendingSend#next}): adding a send
 * is one compare-and-set on the sending thread and allocates nothing, and finishing one touches nothing here (the
 * client's thread that completes it never contends with senders). Finished sends are unlinked later by the
 * sweeper's thread ({@link #prune}), soon after their bucket stops growing and then less and less often while it
 * still holds unfinished ones, so a finished send stays reachable for a few tens of milliseconds at most while
 * the broker answers promptly.
 */
final class InFlight {
    private static final long MIN_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** A bucket's first pruning, after it stops receiving sends; later ones back off to {@link #MAX_PRUNE_NANOS}. */
    private static final long FIRST_PRUNE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long MAX_PRUNE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Buckets are found for pruning this many buckets behind the newest deadline, so a send added late is seen. */
    private static final long DISCOVERY_LAG_BUCKETS = 2;

    private final ConcurrentHashMap<Long, Bucket> byDeadline = new ConcurrentHashMap<>();
    private final Consumer<PendingSend> onExpiry;
    private final long deliveryTimeoutNanos;
    private final long origin = System.nanoTime();
    /** The bucket the last send went into. */
    private volatile Bucket latest;
    /** Every bucket up to this one has been swept (or is being swept). */
    private volatile long sweptThrough = -1;
    /** The sweeper's own: buckets by when to prune them next, and the newest bucket number it has looked for. */
    private final PriorityQueue<Bucket> pruneSchedule = new PriorityQueue<>((a, b) -> Long.compare(a.pruneAt - b.pruneAt, 0));
    private long discoveredThrough;

    InFlight(Consumer<PendingSend> onExpiry, long deliveryTimeoutNanos) {
        this.onExpiry = onExpiry;
        this.deliveryTimeoutNanos = deliveryTimeoutNanos;
        // every send's deadline is at least the origin plus the timeout
        this.discoveredThrough = bucketOf(origin + deliveryTimeoutNanos) - 1;
    }

    void add(PendingSend send) {
        long number = bucketOf(send.deadlineNanos());
        Bucket bucket = latest;
        if (bucket == null || bucket.number != number) {
            bucket = byDeadline.computeIfAbsent(number, Bucket::new);
            latest = bucket; // the common case after this: senders in one 5 ms span share a bucket, no map lookup
        }
        bucket.push(send);
        if (number <= sweptThrough) {
            // registered after its deadline's bucket was swept (a thread stalled past its whole delivery
            // timeout); the sweeper may not have seen it, so it expires here
            onExpiry.accept(send);
        }
    }

    /** The sends not finished yet. */
    List<PendingSend> snapshot() {
        List<PendingSend> all = new ArrayList<>();
        for (Bucket bucket : byDeadline.values()) {
            for (PendingSend send = bucket.head; send != null; send = send.next) {
                if (!send.isFinished()) {
                    all.add(send);
                }
            }
        }
        return all;
    }

    /** How many sends the buckets still link, finished or not (what pruning has not unlinked yet). */
    int linked() {
        int count = 0;
        for (Bucket bucket : byDeadline.values()) {
            for (PendingSend send = bucket.head; send != null; send = send.next) {
                count++;
            }
        }
        return count;
    }

    /**
     * The sweeper's tick: expires the sends of every bucket whose time span lies wholly before {@code nowNanos},
     * then unlinks finished sends from the buckets due for it.
     */
    void tick(long nowNanos) {
        expire(nowNanos);
        prune(nowNanos);
    }

    /** Expires the sends of every bucket whose time span lies wholly before {@code nowNanos}. */
    void expire(long nowNanos) {
        long current = bucketOf(nowNanos);
        for (long number = sweptThrough + 1; number < current; number++) {
            sweptThrough = number;
            Bucket due = byDeadline.get(number);
            if (due != null) {
                // each send is failed before the bucket goes, so close and flush see it until its future is done
                for (PendingSend send = due.head; send != null; send = send.next) {
                    if (!send.isFinished()) {
                        try {
                            onExpiry.accept(send);
                        } catch (RuntimeException e) {
                            Log.observerFailed(e);
                        }
                    }
                }
                byDeadline.remove(number);
            }
        }
    }

    /** Unlinks finished sends from the buckets whose pruning is due; the sweeper's thread only. */
    void prune(long nowNanos) {
        long newest = bucketOf(nowNanos + deliveryTimeoutNanos) - DISCOVERY_LAG_BUCKETS;
        // after a long stall of this thread, at most the last thousand buckets (their sends are expired anyway)
        for (long number = Math.max(discoveredThrough + 1, newest - 1000); number <= newest; number++) {
            Bucket found = byDeadline.get(number);
            if (found != null) {
                found.pruneAt = nowNanos + FIRST_PRUNE_NANOS;
                found.pruneInterval = FIRST_PRUNE_NANOS;
                pruneSchedule.add(found);
            }
        }
        discoveredThrough = Math.max(discoveredThrough, newest);
        Bucket due;
        while ((due = pruneSchedule.peek()) != null && due.pruneAt - nowNanos <= 0) {
            pruneSchedule.poll();
            if (due.number > sweptThrough && due.unlinkFinished()) {
                due.pruneInterval = Math.min(MAX_PRUNE_NANOS, due.pruneInterval * 2);
                due.pruneAt = nowNanos + due.pruneInterval;
                pruneSchedule.add(due);
            }
        }
    }

    /** One bucket: a stack of sends linked through {@link PendingSend#next}, pushed to by any thread. */
    private static final class Bucket {
        private static final VarHandle HEAD;

        static {
            try {
                HEAD = MethodHandles.lookup().findVarHandle(Bucket.class, "head", PendingSend.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final long number;
        volatile PendingSend head;
        /** The sweeper's own: when to prune next and the pause after that. */
        long pruneAt;
        long pruneInterval;

        Bucket(long number) {
            this.number = number;
        }

        void push(PendingSend send) {
            PendingSend current;
            do {
                current = head;
                send.next = current;
            } while (!HEAD.compareAndSet(this, current, send));
        }

        /**
         * Unlinks finished sends; returns whether unfinished ones are left. Only the sweeper's thread unlinks, and
         * it never changes the link of a send it has unlinked, so a reader walking the stack meanwhile still
         * reaches every unfinished send. The top is taken off with a compare-and-set, since senders push there.
         */
        boolean unlinkFinished() {
            PendingSend top = head;
            while (top != null && top.isFinished()) {
                if (HEAD.compareAndSet(this, top, top.next)) {
                    top = top.next;
                } else {
                    top = head;
                }
            }
            if (top == null) {
                return false;
            }
            PendingSend kept = top;
            for (PendingSend send = top.next; send != null; send = send.next) {
                if (send.isFinished()) {
                    kept.next = send.next;
                } else {
                    kept = send;
                }
            }
            return true;
        }
    }

    private long bucketOf(long nanos) {
        return Math.floorDiv(nanos - origin, DeadlineSweeper.TICK_NANOS);
    }

    /** Waits until every send of {@code batch} is finished or the deadline passes; returns how many are not. */
    static long awaitAll(List<PendingSend> batch, long deadlineNanos) {
        awaitSettled(batch, deadlineNanos);
        return batch.stream().filter(s -> !s.isFinished()).count();
    }

    /**
     * Waits, at most until the deadline, until every send of {@code batch} is finished and its future done (a
     * future follows its send at once, or from another thread after a deadline), so that a caller never finds its
     * future pending after flush or close said it was finished. Polls with short, growing pauses: the core keeps
     * no second future per send to wait on, and a caller's own completion of its future must not end the wait.
     */
    static void awaitSettled(List<PendingSend> batch, long deadlineNanos) {
        long pause = MIN_PAUSE_NANOS;
        for (PendingSend send : batch) {
            while (!send.isSettled()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                LockSupport.parkNanos(InFlight.class, Math.min(left, pause));
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
            }
        }
    }
}
