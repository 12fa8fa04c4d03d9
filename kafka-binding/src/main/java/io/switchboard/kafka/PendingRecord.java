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
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.BiConsumer;

/**
 * One record on its way through the binding, and Kafka's callback for it. It is handed to Kafka on the caller's
 * thread when that cannot block, or else queued for the sender thread, then claimed by that thread to be handed to
 * Kafka, or abandoned before that (deadline, close, missing topic) with a reason that is true because Kafka never
 * saw it; the claim decides the race between the two. Its outcome goes to the core's callback exactly once.
 */
final class PendingRecord implements Callback {
    private static final int QUEUED = 0;
    private static final int SENDING = 1;
    private static final int HANDED = 2;
    private static final int ABANDONED = 3;
    private static final AtomicIntegerFieldUpdater<PendingRecord> STATE =
            AtomicIntegerFieldUpdater.newUpdater(PendingRecord.class, "state");
    private static final AtomicIntegerFieldUpdater<PendingRecord> ANSWERED =
            AtomicIntegerFieldUpdater.newUpdater(PendingRecord.class, "answered");

    final OutboundRecord record;
    /**
     * The record's destination, kept here for the receipt: Kafka's I/O thread then reads only this object, not the
     * core's send, written a moment before on another core.
     */
    private final Destination destination;
    final ProducerRecord<byte[], byte[]> nativeRecord;
    /** When it was queued for the sender thread (set before it is queued); records handed at once are never queued. */
    long enqueuedNanos;
    private final FailureJudge judge;
    private final BiConsumer<? super Receipt, ? super Throwable> outcome;
    /** QUEUED (0) to start with: the default, so no volatile write in the constructor. */
    private volatile int state;
    private volatile int answered;
    /** The reason it failed with, or null while it has not failed. */
    private volatile Reason failedWith;
    /** The sender thread while it is inside {@code send}: a callback on it is Kafka failing the record there. */
    // Plain fields, though read on Kafka's I/O thread: the handing thread writes them before Kafka's send, which
    // passes the callback to the I/O thread under Kafka's own lock (so the I/O thread sees them); and a stale
    // sendingThread there is the handing thread or null, never the I/O thread, so it judges the same.
    private Thread sendingThread;
    private WireActivity.Snapshot before = WireActivity.Snapshot.UNKNOWN;

    PendingRecord(OutboundRecord record, ProducerRecord<byte[], byte[]> nativeRecord, FailureJudge judge,
                  BiConsumer<? super Receipt, ? super Throwable> outcome) {
        this.record = record;
        this.destination = record.destination();
        this.nativeRecord = nativeRecord;
        this.judge = judge;
        this.outcome = outcome;
    }

    String topic() {
        return nativeRecord.topic();
    }

    /** Whether the record's time is up: {@code marginNanos} before its deadline or later. */
    boolean overdue(long nowNanos, long marginNanos) {
        return record.deadlineNanos() - marginNanos - nowNanos <= 0;
    }

    /**
     * Claims a record that was never queued for handing to Kafka: nothing else can abandon it, so no atomic step is
     * needed.
     */
    void claimUnqueued() {
        STATE.lazySet(this, SENDING);
    }

    /** Claims the record for handing to Kafka; false if it was abandoned first. */
    boolean claimForSend() {
        return STATE.compareAndSet(this, QUEUED, SENDING);
    }

    /** Fails the record if Kafka has not got it yet; true if this call failed it. */
    boolean abandon(MessagingException error) {
        if (STATE.compareAndSet(this, QUEUED, ABANDONED)) {
            failOnce(error);
            return true;
        }
        return false;
    }

    /** Called by the sender thread just before {@code send}. */
    void handing(WireActivity.Snapshot wireBefore) {
        before = wireBefore;
        sendingThread = Thread.currentThread();
    }

    /** Called by the sender thread once {@code send} returned or threw. */
    void handed() {
        sendingThread = null;
        STATE.lazySet(this, HANDED);   // nothing races for the state once it is with Kafka
    }

    /** The reason the record already failed with, or null while it has not failed. */
    Reason failure() {
        return failedWith;
    }

    /** Fails the record with a reason the handing thread established (Kafka threw while it was handed over). */
    void fail(MessagingException error) {
        failOnce(error);
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception == null) {
            // straight on, writing nothing here: Kafka calls back once, only for a record it was handed (so never for
            // one abandoned before), and the core finishes a send once whatever it hears
            outcome.accept(receipt(metadata), null);
        } else if (Thread.currentThread() == sendingThread) {
            failOnce(judge.notAppended(exception, topic()));
        } else {
            failOnce(judge.afterAppend(exception, topic(), before));
        }
    }

    /** The first failure counts: Kafka either calls back or throws, and an abandoned record is never handed over. */
    private void failOnce(MessagingException error) {
        if (ANSWERED.compareAndSet(this, 0, 1)) {
            failedWith = error.reason();
            outcome.accept(null, error);
        }
    }

    private Receipt receipt(RecordMetadata metadata) {
        if (metadata.partition() < 0) {
            Instant timestamp = metadata.hasTimestamp() ? Instant.ofEpochMilli(metadata.timestamp()) : null;
            return Receipt.unpartitioned(destination, null, timestamp, metadata);
        }
        // the timestamp as Kafka's milliseconds: the Instant is made only if the application asks for it
        return Receipt.partitioned(destination, metadata.partition(), metadata.hasOffset() ? metadata.offset() : -1,
                null, metadata.hasTimestamp() ? metadata.timestamp() : -1, metadata);
    }
}
