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

import io.switchboard.Destination;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.PartitionStrategy;
import io.switchboard.Partitioner;
import io.switchboard.Reason;
import io.switchboard.spi.ProducerBackend;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Places messages on partitions when the producer, not the client, chooses: round-robin for unkeyed messages
 * and custom partitioners. Needs each destination's partition count from the backend; while a count is being
 * fetched, the destination's messages wait in order behind it, so no later message overtakes an earlier one.
 */
final class PartitionChooser {
    /** What to do with a send once placed (or failed). */
    interface Placement {
        void placed(PendingSend send);

        void failed(PendingSend send, MessagingException error);
    }

    private final PartitionStrategy strategy;
    private final Partitioner custom;
    private final ProducerBackend backend;
    private final Duration fetchTimeout;
    private final ConcurrentHashMap<String, CompletableFuture<Integer>> counts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> turns = new ConcurrentHashMap<>();
    private final OrderedLanes waiting;

    PartitionChooser(PartitionStrategy strategy, Partitioner custom, ProducerBackend backend, Duration fetchTimeout,
                     java.util.concurrent.Executor laneExecutor) {
        this.waiting = new OrderedLanes(laneExecutor);
        this.strategy = strategy;
        this.custom = custom;
        this.backend = backend;
        this.fetchTimeout = fetchTimeout;
    }

    /** Whether the producer places this message itself (otherwise the client chooses by key). */
    boolean places(Message<?> message) {
        return strategy == PartitionStrategy.CUSTOM || strategy == PartitionStrategy.ROUND_ROBIN && message.key() == null;
    }

    void place(PendingSend send, Placement then) {
        Destination destination = send.destination();
        String lane = destination.name();
        CompletableFuture<Integer> count = countOf(destination);
        if (count.isDone() && !waiting.isBusy(lane)) {
            apply(send, count, then);
            return;
        }
        waiting.submit(lane, release -> count.whenComplete((n, e) -> {
            try {
                apply(send, count, then);
            } finally {
                release.complete(null);
            }
        }));
    }

    private void apply(PendingSend send, CompletableFuture<Integer> count, Placement then) {
        int partitions;
        try {
            partitions = count.join();
        } catch (RuntimeException e) {
            then.failed(send, asFailure(send.destination(), e));
            return;
        }
        int chosen;
        try {
            chosen = strategy == PartitionStrategy.CUSTOM ? custom.partition(send.message, partitions)
                    : Math.floorMod(turns.computeIfAbsent(send.destination().name(), n -> new AtomicInteger())
                    .getAndIncrement(), partitions);
        } catch (RuntimeException e) {
            then.failed(send, new MessagingException(Reason.INVALID_ARGUMENT, "the custom partitioner threw "
                    + e + "; the message was not sent", e));
            return;
        }
        if (chosen < 0 || chosen >= partitions) {
            then.failed(send, new MessagingException(Reason.INVALID_ARGUMENT, "the custom partitioner chose partition "
                    + chosen + " of " + send.destination() + ", which has partitions 0 to " + (partitions - 1)
                    + "; the message was not sent"));
            return;
        }
        send.placeOn(chosen);
        then.placed(send);
    }

    private CompletableFuture<Integer> countOf(Destination destination) {
        CompletableFuture<Integer> known = counts.get(destination.name());
        if (known != null) {
            return known;
        }
        CompletableFuture<Integer> fetched = counts.computeIfAbsent(destination.name(), name -> fetch(destination));
        // outside computeIfAbsent, so that a fetch that failed at once is forgotten too: the next message asks again
        fetched.whenComplete((n, e) -> {
            if (e != null) {
                counts.remove(destination.name(), fetched);
            }
        });
        return fetched;
    }

    private CompletableFuture<Integer> fetch(Destination destination) {
        CompletableFuture<Integer> fetched;
        try {
            fetched = backend.partitionCount(destination).orTimeout(fetchTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            fetched = CompletableFuture.failedFuture(e);
        }
        return fetched.thenApply(n -> {
            if (n == null || n < 1) {
                throw new MessagingException(Reason.INTERNAL, "the binding reported " + n + " partitions for " + destination);
            }
            return n;
        });
    }

    private static MessagingException asFailure(Destination destination, Throwable e) {
        Throwable cause = Failures.unwrap(e);
        if (cause instanceof MessagingException me) {
            return new MessagingException(me.reason() == Reason.OUTCOME_UNKNOWN ? Reason.UNAVAILABLE : me.reason(),
                    "could not learn the partition count of " + destination + " (" + me.getMessage()
                            + "); the message was not sent", me);
        }
        return new MessagingException(Reason.UNAVAILABLE, "could not learn the partition count of " + destination
                + " (" + cause + "); the message was not sent", cause);
    }
}
