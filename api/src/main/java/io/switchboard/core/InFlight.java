package io.switchboard.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The producer's accepted and unfinished sends: what flush and close wait for, and what deadlines apply to.
 *
 * <p>Sends are kept in buckets by deadline, a few milliseconds wide (a timing wheel), so that enforcing the
 * delivery timeout looks only at the buckets whose time has come instead of every unfinished send on every tick.
 * A bucket is swept once its whole time span has passed, so no send ever expires early.
 */
final class InFlight {
    private final ConcurrentHashMap<Long, Set<PendingSend>> byDeadline = new ConcurrentHashMap<>();
    private final Consumer<PendingSend> onExpiry;
    private final long origin = System.nanoTime();
    /** The bucket the last send went into. */
    private volatile Bucket latest;
    /** Every bucket up to this one has been swept (or is being swept). */
    private volatile long sweptThrough = -1;

    InFlight(Consumer<PendingSend> onExpiry) {
        this.onExpiry = onExpiry;
    }

    void add(PendingSend send) {
        long bucket = bucketOf(send.deadlineNanos);
        Bucket latest = this.latest;
        Set<PendingSend> sends;
        if (latest != null && latest.number == bucket) {
            sends = latest.sends; // the common case: senders in one 5 ms span share a bucket, no map lookup
        } else {
            // sized like the bucket before it, so that a busy producer's bucket does not grow by resizing
            int expected = latest == null ? 16 : latest.sends.size();
            sends = byDeadline.computeIfAbsent(bucket, b -> ConcurrentHashMap.newKeySet(expected));
            this.latest = new Bucket(bucket, sends);
        }
        send.home = sends;
        sends.add(send);
        if (bucket <= sweptThrough) {
            // registered after its deadline's bucket was swept (a thread stalled past its whole delivery
            // timeout); the sweeper may not have seen it, so it expires here
            onExpiry.accept(send);
        }
    }

    void remove(PendingSend send) {
        Set<PendingSend> home = send.home;
        if (home != null) {
            home.remove(send); // a bucket already swept is no longer in the map: removing from it is harmless
        }
    }

    List<PendingSend> snapshot() {
        List<PendingSend> all = new ArrayList<>();
        for (Set<PendingSend> bucket : byDeadline.values()) {
            all.addAll(bucket);
        }
        return all;
    }

    /** Expires the sends of every bucket whose time span lies wholly before {@code nowNanos}. */
    void expire(long nowNanos) {
        long current = bucketOf(nowNanos);
        for (long bucket = sweptThrough + 1; bucket < current; bucket++) {
            sweptThrough = bucket;
            Set<PendingSend> due = byDeadline.get(bucket);
            if (due != null) {
                // each send is failed before the bucket goes, so close and flush see it until its future is done
                for (PendingSend send : due) {
                    try {
                        onExpiry.accept(send);
                    } catch (RuntimeException e) {
                        Log.observerFailed(e);
                    }
                }
                byDeadline.remove(bucket);
            }
        }
    }

    private record Bucket(long number, Set<PendingSend> sends) {
    }

    private long bucketOf(long nanos) {
        return Math.floorDiv(nanos - origin, DeadlineSweeper.TICK_NANOS);
    }

    /** Waits until every send of {@code batch} is finished or the deadline passes; returns how many are not. */
    static long awaitAll(List<PendingSend> batch, long deadlineNanos) {
        await(batch.stream().map(s -> s.future).toArray(CompletableFuture[]::new), deadlineNanos);
        // then the callers' futures, which follow the core's (at once, or from another thread after a deadline),
        // so that a caller never finds its future pending after flush or close said it was finished
        awaitCallers(batch, deadlineNanos);
        return batch.stream().filter(s -> !s.isFinished()).count();
    }

    /** Waits, at most until the deadline, for the callers' futures of {@code batch}. */
    static void awaitCallers(List<PendingSend> batch, long deadlineNanos) {
        await(batch.stream().map(s -> s.caller).toArray(CompletableFuture[]::new), deadlineNanos);
    }

    private static void await(CompletableFuture<?>[] futures, long deadlineNanos) {
        if (futures.length > 0) {
            try {
                CompletableFuture.allOf(futures).get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // the count below says what is left; individual failures belong to their own futures
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
