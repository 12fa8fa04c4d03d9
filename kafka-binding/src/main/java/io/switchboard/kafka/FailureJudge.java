package io.switchboard.kafka;

import io.switchboard.MessagingException;

/**
 * Judges one producer's failed records: gathers the {@link KafkaFailures.Evidence} (appended or not, wire activity
 * since) and whether the binding is closing, and asks {@link KafkaFailures} for the reason. Shared by the sender
 * thread (failures thrown while handing a record over) and Kafka's I/O thread (callbacks).
 */
final class FailureJudge {
    private final WireActivity wire;
    private volatile boolean closing;

    FailureJudge(WireActivity wire) {
        this.wire = wire;
    }

    /** The wire counters now, taken just before a record is handed to Kafka. */
    WireActivity.Snapshot snapshot() {
        return wire.now();
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
