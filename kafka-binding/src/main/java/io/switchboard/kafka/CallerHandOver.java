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

/**
 * Hands a record to Kafka on the caller's own thread when that cannot block and cannot overtake: Kafka's
 * {@code send} waits only for metadata it lacks (the binding sizes Kafka's buffer so that it never waits for
 * room within the core's bound), so the caller may call it when the topic's metadata is known now
 * ({@link MetadataView}) and no record queued before is still in the sender thread's hands (so a key's records
 * from one thread reach Kafka in call order). This is how a native application calls {@code send}, and it spares
 * each record a hand-over between threads; anything else goes through the {@link SenderLoop}.
 *
 * <p>What is left of a wait is Kafka's metadata changing between the look and the {@code send}: a topic deleted
 * in that instant, which {@code send} would then wait for up to {@code max.block.ms}.
 */
final class CallerHandOver {
    private final Producer<byte[], byte[]> producer;
    private final MetadataView metadata;
    private final SenderLoop sender;
    private final FailureJudge judge;

    CallerHandOver(Producer<byte[], byte[]> producer, MetadataView metadata, SenderLoop sender, FailureJudge judge) {
        this.producer = producer;
        this.metadata = metadata;
        this.sender = sender;
        this.judge = judge;
    }

    /** Hands {@code record} to Kafka now and returns true, or returns false and leaves it for the sender thread. */
    boolean tryHand(PendingRecord record) {
        if (!sender.idle() || !metadata.knows(record.topic(), record.record.partition())) {
            return false;
        }
        record.claimUnqueued();
        record.handing(judge.before(record.record));
        try {
            producer.send(record.nativeRecord, record);
        } catch (RuntimeException e) {
            // Kafka throws before appending (closed, a serializer, a record it refuses): never written
            record.fail(judge.notAppended(e, record.topic()));
        } finally {
            record.handed();
        }
        return true;
    }

    @Override
    public String toString() {
        return "CallerHandOver[metadata " + (metadata.available() ? "readable" : "not readable: every record queued")
                + "]";
    }
}
