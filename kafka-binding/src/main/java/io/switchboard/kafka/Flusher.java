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
