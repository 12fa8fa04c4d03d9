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
package io.switchboard.kafka;

import org.apache.kafka.clients.producer.Producer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs Kafka's {@code flush()}, which blocks until every record appended before it has an outcome, on a helper
 * thread so that no caller and not the sender thread waits on it. Requests that arrive while a flush is waiting to
 * start share it: it starts later than they were made, so it covers their records too.
 */
final class Flusher {
    private final Producer<byte[], byte[]> producer;
    private final Executor helpers;
    private final AtomicReference<CompletableFuture<Void>> waiting = new AtomicReference<>();

    Flusher(Producer<byte[], byte[]> producer, Executor helpers) {
        this.producer = producer;
        this.helpers = helpers;
    }

    /** Flushes everything appended so far; completes when Kafka's flush returns (or could not run). */
    CompletableFuture<Void> flush() {
        while (true) {
            CompletableFuture<Void> shared = waiting.get();
            if (shared != null) {
                return shared;
            }
            CompletableFuture<Void> mine = new CompletableFuture<>();
            if (waiting.compareAndSet(null, mine)) {
                start(mine);
                return mine;
            }
        }
    }

    private void start(CompletableFuture<Void> mine) {
        try {
            helpers.execute(() -> {
                waiting.compareAndSet(mine, null);
                try {
                    producer.flush();
                } catch (RuntimeException e) {
                    // the records' own outcomes say what happened; a flush only waits for them
                } finally {
                    mine.complete(null);
                }
            });
        } catch (RejectedExecutionException e) {
            waiting.compareAndSet(mine, null);
            mine.complete(null);
        }
    }
}
