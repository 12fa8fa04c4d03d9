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

import io.switchboard.MessagingException;
import io.switchboard.Receipt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The sends of a case, each a value and its future, in the order they were made; thread-safe to add to. Waits
 * for them in bound and turns them into {@link Outcome}s.
 */
final class SentBatch {
    private final List<String> values = new ArrayList<>();
    private final List<CompletableFuture<Receipt>> futures = new ArrayList<>();
    private final List<Long> sentAt = new ArrayList<>();
    private final List<Long> finishedAt = new ArrayList<>();

    /** Records a send made just now; returns the future for chaining. */
    synchronized CompletableFuture<Receipt> add(String value, CompletableFuture<Receipt> future) {
        int index = values.size();
        values.add(value);
        futures.add(future);
        sentAt.add(System.nanoTime());
        finishedAt.add(null);
        future.whenComplete((r, e) -> finished(index));
        return future;
    }

    private synchronized void finished(int index) {
        finishedAt.set(index, System.nanoTime());
    }

    /** The values in send order. */
    synchronized List<String> values() {
        return List.copyOf(values);
    }

    /** The number of sends. */
    synchronized int size() {
        return values.size();
    }

    /** The futures in send order. */
    synchronized List<CompletableFuture<Receipt>> futures() {
        return List.copyOf(futures);
    }

    /** How many futures have not finished yet. */
    synchronized long pending() {
        return futures.stream().filter(f -> !f.isDone()).count();
    }

    /** How many futures finished successfully so far. */
    synchronized long acknowledgedSoFar() {
        return futures.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
    }

    /** The longest time from a send to its future's end, for finished sends. */
    synchronized Duration longestTimeToOutcome() {
        long longest = 0;
        for (int i = 0; i < futures.size(); i++) {
            Long end = finishedAt.get(i);
            if (end != null) {
                longest = Math.max(longest, end - sentAt.get(i));
            }
        }
        return Duration.ofNanos(longest);
    }

    /**
     * Waits at most {@code bound} for every future and returns the outcomes in send order.
     *
     * @throws AssertionError naming the values still pending when the bound passes
     */
    List<Outcome> awaitAll(Duration bound) {
        List<CompletableFuture<Receipt>> all = futures();
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            // single failures are read below
        } catch (TimeoutException e) {
            List<String> stillPending = new ArrayList<>();
            List<String> vs = values();
            for (int i = 0; i < all.size(); i++) {
                if (!all.get(i).isDone()) {
                    stillPending.add(vs.get(i));
                }
            }
            throw new AssertionError(stillPending.size() + " of " + all.size() + " sends were still pending after "
                    + bound + " (a future must always finish within the delivery timeout): "
                    + abbreviate(stillPending));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for sends", e);
        }
        return outcomes();
    }

    /**
     * The outcomes in send order; every future must be done.
     *
     * @throws AssertionError if one is not
     */
    synchronized List<Outcome> outcomes() {
        List<Outcome> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            CompletableFuture<Receipt> f = futures.get(i);
            if (!f.isDone()) {
                throw new AssertionError("the send of '" + values.get(i) + "' is still pending");
            }
            Throwable error = f.handle((r, e) -> e).join();
            out.add(error == null ? new Outcome(values.get(i), f.join(), null)
                    : new Outcome(values.get(i), null, asMessagingException(error)));
        }
        return out;
    }

    /**
     * Waits for every future and requires each to have succeeded.
     *
     * @throws AssertionError naming the first failures
     */
    List<Outcome> awaitAllAcknowledged(Duration bound) {
        List<Outcome> outcomes = awaitAll(bound);
        List<String> failed = outcomes.stream().filter(o -> !o.acknowledged())
                .map(o -> o.value() + " -> " + o.error()).collect(Collectors.toList());
        if (!failed.isEmpty()) {
            throw new AssertionError(failed.size() + " of " + outcomes.size() + " sends failed with a healthy broker: "
                    + abbreviate(failed));
        }
        return outcomes;
    }

    /** The failure a future finished with, as the one exception type Switchboard reports. */
    static MessagingException asMessagingException(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof MessagingException me) {
            return me;
        }
        throw new AssertionError("a future failed with " + cause + " instead of a MessagingException", cause);
    }

    static String abbreviate(List<String> items) {
        return items.size() <= 10 ? items.toString()
                : items.subList(0, 10) + " and " + (items.size() - 10) + " more";
    }
}
