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

import io.switchboard.Destination;
import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One Switchboard producer on one {@code KafkaProducer<byte[], byte[]>}. A caller's thread translates the record
 * and hands it to Kafka itself when Kafka's {@code send} cannot block ({@link CallerHandOver}: the topic's metadata
 * is known and nothing queued before is still in the binding's hands); otherwise it queues the record for the
 * {@link SenderLoop}, which hands records to Kafka in order and may wait for metadata. Kafka's I/O thread reports
 * outcomes through {@link PendingRecord}'s callback. Blocking work (metadata for partition counts, Kafka's flush)
 * runs on helper threads, and a watchdog keeps every record the binding still holds within its deadline.
 */
final class KafkaProducerBackend implements ProducerBackend {
    /** How often the watchdog looks for records the binding holds past their time. */
    private static final long WATCHDOG_TICK_MILLIS = 10;

    private final Producer<byte[], byte[]> producer;
    private final FailureJudge judge;
    private final SenderLoop sender;
    private final CallerHandOver direct;
    private final ExecutorService helpers;
    private final ScheduledExecutorService watchdog;
    private final String clientId;
    private final AtomicBoolean closed = new AtomicBoolean();

    KafkaProducerBackend(Producer<byte[], byte[]> producer, String clientId, Duration deliveryTimeout,
                         DeliveryTimings timings) {
        this.producer = producer;
        this.clientId = clientId;
        this.judge = new FailureJudge(WireActivity.of(producer), deliveryTimeout.toNanos());
        this.helpers = Executors.newCachedThreadPool(daemons("switchboard-kafka-helper-" + clientId));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemons("switchboard-kafka-watchdog-" + clientId));
        this.sender = new SenderLoop(producer, judge, new Flusher(producer, helpers), timings.marginNanos(), clientId);
        this.direct = new CallerHandOver(producer, MetadataView.of(producer), sender, judge);
        sender.start();
        long tick = TimeUnit.MILLISECONDS.toNanos(WATCHDOG_TICK_MILLIS);
        watchdog.scheduleWithFixedDelay(() -> sender.expireOverdue(tick), WATCHDOG_TICK_MILLIS, WATCHDOG_TICK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<Receipt> send(OutboundRecord record) {
        return ProducerBackend.asFuture(outcome -> send(record, outcome));
    }

    /** Answers straight from Kafka's callback (on its I/O thread), with no future of the binding's own. */
    @Override
    public void send(OutboundRecord record, BiConsumer<? super Receipt, ? super Throwable> outcome) {
        if (closed.get()) {
            outcome.accept(null, closedError());
            return;
        }
        ProducerRecord<byte[], byte[]> nativeRecord;
        try {
            nativeRecord = NativeRecords.of(record);
        } catch (MessagingException e) {
            outcome.accept(null, e);
            return;
        }
        PendingRecord pending = new PendingRecord(record, nativeRecord, judge, outcome);
        if (!direct.tryHand(pending)) {
            sender.submit(pending);
        }
    }

    /** Asks Kafka on a helper thread: {@code partitionsFor} waits for metadata up to {@code max.block.ms}. */
    @Override
    public CompletableFuture<Integer> partitionCount(Destination destination) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedError());
        }
        String topic = destination.name();
        CompletableFuture<Integer> count = new CompletableFuture<>();
        try {
            helpers.execute(() -> {
                try {
                    count.complete(producer.partitionsFor(topic).size());
                } catch (RuntimeException e) {
                    count.completeExceptionally(judge.notAppended(e, topic));
                }
            });
        } catch (RejectedExecutionException e) {
            count.completeExceptionally(closedError());
        }
        return count;
    }

    /** Lets Kafka send what it holds back for batching, and waits at most {@code timeout} for the outcomes. */
    @Override
    public void flush(Duration timeout) {
        if (closed.get()) {
            return;
        }
        try {
            sender.flushMark().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // what is unfinished is reported by the records' own futures
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Hands what is queued to Kafka, then closes Kafka's producer with what is left of {@code timeout}: Kafka
     * delivers what it can in that time and then aborts the rest, each record failing with a truthful reason.
     */
    @Override
    public void close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            sender.finish(deadline);
            judge.closing();
            producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } catch (RuntimeException e) {
            // Kafka's close failing leaves records that the core producer then fails; nothing to add here
        } finally {
            watchdog.shutdownNow();
            helpers.shutdownNow();
        }
    }

    /** Kafka retries within {@code delivery.timeout.ms} (idempotently where the guarantee asks for it). */
    @Override
    public boolean retriesInternally() {
        return true;
    }

    /** The {@code KafkaProducer} (also as Kafka's {@code Producer} interface). */
    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(producer) ? Optional.of(type.cast(producer)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "KafkaProducerBackend[" + clientId + (closed.get() ? ", closed" : "") + "]";
    }

    private MessagingException closedError() {
        return new MessagingException(Reason.CLOSED, "the kafka producer " + clientId + " is closed; the message was not sent");
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
