package io.switchboard.core;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** The producer's accepted and unfinished sends: what flush and close wait for, and what deadlines apply to. */
final class InFlight {
    private final Set<PendingSend> sends = ConcurrentHashMap.newKeySet();
    private final Consumer<PendingSend> onExpiry;

    InFlight(Consumer<PendingSend> onExpiry) {
        this.onExpiry = onExpiry;
    }

    void add(PendingSend send) {
        sends.add(send);
    }

    void remove(PendingSend send) {
        sends.remove(send);
    }

    List<PendingSend> snapshot() {
        return List.copyOf(sends);
    }

    void expire(long nowNanos) {
        for (PendingSend send : sends) {
            if (nowNanos - send.deadlineNanos >= 0 && !send.isFinished()) {
                onExpiry.accept(send);
            }
        }
    }

    /** Waits until every send of {@code batch} is finished or the deadline passes; returns how many are not. */
    static long awaitAll(List<PendingSend> batch, long deadlineNanos) {
        if (!batch.isEmpty()) {
            CompletableFuture<?>[] futures = batch.stream().map(s -> s.future).toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.allOf(futures).get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // the count below says what is left; individual failures belong to their own futures
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return batch.stream().filter(s -> !s.isFinished()).count();
    }
}
