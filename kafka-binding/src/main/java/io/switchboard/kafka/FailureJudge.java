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

import io.switchboard.MessagingException;
import io.switchboard.spi.OutboundRecord;

import java.util.concurrent.TimeUnit;

/**
 * Judges one producer's failed records: gathers the {@link KafkaFailures.Evidence} (appended or not, wire activity
 * since) and whether the binding is closing, and asks {@link KafkaFailures} for the reason. Shared by the sender
 * thread (failures thrown while handing a record over) and Kafka's I/O thread (callbacks).
 */
final class FailureJudge {
    /** How long one reading of the wire counters serves records handed over after it. */
    private static final long READING_REUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A reading of the counters and when it was taken. */
    private record Reading(WireActivity.Snapshot snapshot, long takenNanos) {
    }

    private final WireActivity wire;
    private final long deliveryTimeoutNanos;
    private volatile boolean closing;
    private volatile Reading lastReading;

    /** @param deliveryTimeoutNanos the producer's delivery timeout: a record's deadline less it is when it was accepted */
    FailureJudge(WireActivity wire, long deliveryTimeoutNanos) {
        this.wire = wire;
        this.deliveryTimeoutNanos = deliveryTimeoutNanos;
    }

    /**
     * The wire counters as of a moment no later than now, for judging a later failure of a record about to be
     * handed over, on any thread. Reading them takes two of Kafka's metric locks, which the I/O thread contends
     * for, so a reading serves every record handed within {@link #READING_REUSE_NANOS}. An older reading can only
     * make the judgement more cautious: writes between it and the hand-over count as possibly this record's, so a
     * failure is then OUTCOME_UNKNOWN, never "not written" when it was.
     *
     * <p>A reading is fresh enough for a record if it was taken at most that long before the record was accepted
     * (its deadline less the delivery timeout, as the core producer sets it), so the clock is read only to take a
     * new reading, not once per record.
     */
    WireActivity.Snapshot before(OutboundRecord record) {
        long accepted = record.deadlineNanos() - deliveryTimeoutNanos;
        Reading reading = lastReading;
        if (reading == null || accepted - reading.takenNanos >= READING_REUSE_NANOS) {
            long now = System.nanoTime();
            reading = new Reading(wire.now(), now);
            lastReading = reading;
        }
        return reading.snapshot;
    }

    /** From now on, a plain {@code KafkaException} means Kafka aborted a record because the binding closed it. */
    void closing() {
        closing = true;
    }

    /** A failure Kafka reported while the record was being handed over: it was never appended. */
    MessagingException notAppended(Throwable error, String topic) {
        return KafkaFailures.of(error, topic, KafkaFailures.Evidence.NOT_APPENDED, closing);
    }

    /** A failure Kafka reported after appending the record, judged by what was written since {@code before}. */
    MessagingException afterAppend(Throwable error, String topic, WireActivity.Snapshot before) {
        return KafkaFailures.of(error, topic, KafkaFailures.evidence(before, wire.now()), closing);
    }
}
