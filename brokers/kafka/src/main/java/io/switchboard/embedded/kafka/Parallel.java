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
package io.switchboard.embedded.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one lifecycle step (start or stop) on several nodes at once, under one time bound.
 *
 * <p>Parallel because KRaft nodes wait for each other: a node's start blocks until a controller
 * quorum exists, and stopping the last nodes one by one blocks for minutes on a controlled shutdown no
 * remaining controller can approve. On separate threads even for a single node, so that the caller
 * always gets its answer within the bound; the threads are daemons, so a step Kafka never finishes
 * cannot keep the JVM alive.
 */
final class Parallel {

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private Parallel() {
    }

    /**
     * Runs {@code action} on every node and waits up to {@code timeout} for all of them.
     *
     * @throws EmbeddedKafkaException naming every node that failed or did not finish in time; the
     *                                first failure is the exception, the others are suppressed in it
     */
    static void forEach(List<KafkaNode> nodes, String verb, NodeAction action, Duration timeout) {
        if (nodes.isEmpty()) {
            return;
        }
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size(), daemonThreads(verb));
        try {
            List<Future<?>> results = new ArrayList<>(nodes.size());
            for (KafkaNode node : nodes) {
                results.add(threads.submit(() -> action.apply(node)));
            }
            Deadline deadline = Deadline.after(timeout);
            EmbeddedKafkaException failure = null;
            for (int i = 0; i < nodes.size(); i++) {
                EmbeddedKafkaException nodeFailure = await(results.get(i), nodes.get(i), verb, deadline);
                if (failure == null) {
                    failure = nodeFailure;
                } else if (nodeFailure != null) {
                    failure.addSuppressed(nodeFailure);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static EmbeddedKafkaException await(Future<?> result, KafkaNode node, String verb, Deadline deadline) {
        try {
            result.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return new EmbeddedKafkaException("Could not " + verb + " " + node + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            return new EmbeddedKafkaException(node + " did not " + verb + " within " + deadline.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new EmbeddedKafkaException("Interrupted while waiting for " + node + " to " + verb, e);
        }
    }

    private static ThreadFactory daemonThreads(String verb) {
        return task -> {
            Thread thread = new Thread(task, "embedded-kafka-" + verb + "-" + THREAD_NUMBER.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A lifecycle step of one node, such as {@code KafkaNode::start}. */
    @FunctionalInterface
    interface NodeAction {
        void apply(KafkaNode node);
    }
}
