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
package io.switchboard.memory;

import io.switchboard.Destination;
import io.switchboard.MessagingException;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.spi.DeadlineMargin;
import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One producer's connection to a {@link MemoryBroker}, behaving like a real client: records are written on the
 * client's own thread (never the caller's), held for {@code switchboard.linger} when set, held while the broker
 * is stopped, and failed {@link Reason#UNAVAILABLE} just before their deadline if the broker does not return.
 * It does not retry by itself, so the producer's retries apply.
 */
final class MemoryProducerBackend implements ProducerBackend {
    private record Held(OutboundRecord record, CompletableFuture<Receipt> future) {
    }

    private final MemoryBroker broker;
    private final long lingerNanos;
    /** Held records are failed this long before their deadline, so the truthful "not written" wins the race. */
    private final long expiryMarginNanos;
    private final ScheduledExecutorService io;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private final Runnable onBrokerStart = this::brokerStarted;
    private final Object startSignal = new Object();
    private ScheduledFuture<?> lingerTimer;
    private volatile boolean closed;

    MemoryProducerBackend(MemoryBroker broker, ProducerSettings settings) {
        this.broker = broker;
        this.lingerNanos = settings.linger() == null ? 0 : settings.linger().toNanos();
        this.expiryMarginNanos = DeadlineMargin.nanos(settings.deliveryTimeout());
        this.io = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-memory-" + settings.clientId());
            t.setDaemon(true);
            return t;
        });
        io.scheduleWithFixedDelay(this::expireHeld, 10, 10, TimeUnit.MILLISECONDS);
        broker.onStart(onBrokerStart);
    }

    @Override
    public CompletableFuture<Receipt> send(OutboundRecord record) {
        if (closed) {
            return CompletableFuture.failedFuture(new MessagingException(Reason.CLOSED, "the memory producer is closed"));
        }
        Held entry = new Held(record, new CompletableFuture<>());
        synchronized (held) {
            held.add(entry);
            if (lingerNanos == 0) {
                drainSoon();
            } else if (lingerTimer == null) {
                lingerTimer = io.schedule(this::drain, lingerNanos, TimeUnit.NANOSECONDS);
            }
        }
        return entry.future;
    }

    @Override
    public CompletableFuture<Integer> partitionCount(Destination destination) {
        try {
            return CompletableFuture.completedFuture(broker.partitionCount(destination));
        } catch (MessagingException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void flush(Duration timeout) {
        awaitDrain(timeout);
    }

    /**
     * Delivers what it holds, waiting up to {@code timeout} for a stopped broker to come back, then fails the rest
     * {@link Reason#CLOSED} (known not written).
     */
    @Override
    public void close(Duration timeout) {
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitDrain(timeout);
        while (!isDrained() && deadline - System.nanoTime() > 0) {
            awaitBrokerStart(deadline);
            awaitDrain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        broker.removeStartListener(onBrokerStart);
        failHeld(new MessagingException(Reason.CLOSED, "the producer closed while memory broker " + broker.name()
                + " was unavailable; the message was not written"));
        io.shutdownNow();
    }

    @Override
    public boolean retriesInternally() {
        return false;
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(broker) ? Optional.of(type.cast(broker)) : Optional.empty();
    }

    private void brokerStarted() {
        synchronized (startSignal) {
            startSignal.notifyAll();
        }
        drainSoon();
    }

    private boolean isDrained() {
        synchronized (held) {
            return held.isEmpty();
        }
    }

    /** Waits, at most until the deadline, for the broker to be running; wakes early when it starts. */
    private void awaitBrokerStart(long deadlineNanos) {
        synchronized (startSignal) {
            long left;
            while (!broker.isRunning() && (left = deadlineNanos - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(startSignal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void drainSoon() {
        if (!io.isShutdown()) {
            io.execute(this::drain);
        }
    }

    /** Runs on the client thread only, so records are written in the order they were handed over. */
    private void drain() {
        synchronized (held) {
            lingerTimer = null;
        }
        while (broker.isRunning()) {
            Held next;
            synchronized (held) {
                next = held.poll();
            }
            if (next == null) {
                return;
            }
            if (next.future.isDone()) {
                continue;
            }
            try {
                StoredMessage stored = broker.write(next.record);
                next.future.complete(Receipt.partitioned(next.record.destination(), stored.partition(), stored.offset(),
                        null, stored.timestamp(), stored));
            } catch (MessagingException e) {
                next.future.completeExceptionally(e);
            } catch (RuntimeException e) {
                next.future.completeExceptionally(new MessagingException(Reason.INTERNAL, "memory broker failed: " + e, e));
            }
        }
    }

    private void awaitDrain(Duration timeout) {
        try {
            io.submit(this::drain).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException | java.util.concurrent.RejectedExecutionException e) {
            // what is still held is reported by the sends' own outcomes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void expireHeld() {
        long now = System.nanoTime();
        List<Held> expired = new ArrayList<>();
        synchronized (held) {
            held.removeIf(h -> h.record.deadlineNanos() - now <= expiryMarginNanos && expired.add(h));
        }
        for (Held h : expired) {
            h.future.completeExceptionally(new MessagingException(Reason.UNAVAILABLE, "memory broker " + broker.name()
                    + " was unavailable until the delivery timeout; the message to " + h.record.destination() + " was not written"));
        }
    }

    private void failHeld(MessagingException error) {
        List<Held> left;
        synchronized (held) {
            left = new ArrayList<>(held);
            held.clear();
        }
        left.forEach(h -> h.future.completeExceptionally(error));
    }
}
