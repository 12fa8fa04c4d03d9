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

import io.switchboard.Destination;
import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.spi.DeadlineMargin;
import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;
import org.apache.pulsar.client.api.PulsarClient;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * One Switchboard producer on Pulsar: one {@link PulsarClient}, and one native producer per destination (or per
 * partition the producer chose), opened on first use without making the caller wait, and bounded in number.
 *
 * <p>Pulsar retries by itself (it resends unacknowledged messages after a reconnect, until its send timeout), so
 * the core never retries on top. Pulsar's send timeout is set a little under the delivery timeout, so that Pulsar
 * reports first with what it knows; a record still waiting for its destination's producer to open fails
 * {@link Reason#TIMEOUT} just as early ({@link DeadlineMargin} before its deadline), on a timer thread of this
 * producer's own.
 */
final class PulsarProducerBackend implements ProducerBackend {
    private final PulsarConfiguration configuration;
    private final NativeClient pulsar;
    private final ProducerOpener opener;
    private final TopicProducers producers;
    /**
     * Fails records that waited too long for their producer to open. One daemon thread, started with the first
     * record that waits, stopped on close; a cancelled failure (the record was handed over) leaves the queue at once.
     */
    private final ScheduledThreadPoolExecutor timer;
    private final Object idle = new Object();
    private volatile boolean closed;

    private PulsarProducerBackend(PulsarConfiguration configuration, NativeClient pulsar) {
        this.configuration = configuration;
        this.pulsar = pulsar;
        PulsarFailures failures = new PulsarFailures(configuration);
        MessageSender sender = new MessageSender(failures);
        long marginNanos = DeadlineMargin.nanos(configuration.settings().deliveryTimeout());
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "switchboard-pulsar-timer-" + configuration.settings().clientId());
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.opener = new ProducerOpener(pulsar, configuration, failures);
        this.producers = new TopicProducers(configuration.maxProducers(), target -> new TopicProducer(target, sender,
                failures, marginNanos, timer, this::signalIdle, this::forget), opener);
    }

    /**
     * Builds Pulsar's client (which connects only when a destination's producer opens) from a checked configuration.
     *
     * @throws MessagingException {@link Reason#INVALID_ARGUMENT} when Pulsar refuses the configuration
     */
    static PulsarProducerBackend open(PulsarConfiguration configuration) {
        return new PulsarProducerBackend(configuration, NativeClient.open(configuration, new PulsarFailures(configuration)));
    }

    @Override
    public CompletableFuture<Receipt> send(OutboundRecord record) {
        return ProducerBackend.asFuture(outcome -> send(record, outcome));
    }

    /** Answers straight from Pulsar's callback, with no future of the binding's own. */
    @Override
    public void send(OutboundRecord record, BiConsumer<? super Receipt, ? super Throwable> outcome) {
        if (closed) {
            outcome.accept(null, new MessagingException(Reason.CLOSED, "the Pulsar producer is closed"));
            return;
        }
        Target target = Target.of(record.destination(), record.partition());
        if (!target.isPersistent()) {
            outcome.accept(null, new MessagingException(Reason.UNSUPPORTED, target.topic()
                    + " is not a persistent topic: Pulsar acknowledges messages on it without storing them, so no"
                    + " guarantee the producer offers can be kept; nothing was sent. Use a persistent:// topic"));
            return;
        }
        TopicProducer producer = producers.acquire(target, record.deadlineNanos());
        producer.submit(new PendingMessage(record, outcome, producer));
    }

    @Override
    public CompletableFuture<Integer> partitionCount(Destination destination) {
        return opener.partitionsOf(Target.fullName(destination.name())).thenApply(List::size);
    }

    @Override
    public void flush(Duration timeout) {
        awaitBounded(CompletableFuture.allOf(producers.flushAll().toArray(CompletableFuture[]::new)),
                System.nanoTime() + timeout.toNanos());
    }

    @Override
    public void close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        closed = true;
        producers.flushAll();
        awaitIdle(deadline);
        // Closing a Pulsar producer fails what it still holds; each such record is reported as not written only
        // when its send witness proves no connection carried it, otherwise as maybe written.
        awaitBounded(CompletableFuture.allOf(producers.closeAll().toArray(CompletableFuture[]::new)), deadline);
        // The producers are gone from the broker; what is left is stopping the client's threads, which Netty does
        // with a quiet period of its own. Nothing waits for that.
        pulsar.client().closeAsync();
        opener.shutdown();
        // Closing the producers failed every record still waiting for one; their early failures are cancelled.
        timer.shutdownNow();
    }

    @Override
    public boolean retriesInternally() {
        return true;
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(pulsar.client()) ? Optional.of(type.cast(pulsar.client())) : Optional.empty();
    }

    private void forget(TopicProducer producer) {
        producers.forget(producer);
    }

    /** Wakes a close waiting for unfinished records, when a producer's last record finishes. */
    private void signalIdle() {
        if (closed) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    private void awaitIdle(long deadline) {
        synchronized (idle) {
            while (!producers.allIdle()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void awaitBounded(CompletableFuture<?> future, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            future.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the records' own outcomes tell what happened
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "PulsarProducer[" + configuration.client().get("serviceUrl") + ", " + producers.size()
                + " destination producer(s)" + (closed ? ", closed" : "") + "]";
    }
}
