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
import io.switchboard.spi.OutboundRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a record to Kafka's: the destination's name is the topic, the key and header values are UTF-8
 * bytes (so the key hashes to the partition a {@code StringSerializer} producer picks), the value bytes go as
 * they are (no copy), the timestamp is Kafka's CreateTime in milliseconds, and a partition is set only when the
 * producer chose one. Nothing else is added.
 */
final class NativeRecords {
    private NativeRecords() {
    }

    /**
     * Kafka's record for {@code record}.
     *
     * @throws MessagingException {@link Reason#INVALID_ARGUMENT} for a timestamp Kafka cannot hold (before 1970
     *                            or beyond its range); {@link Reason#UNSUPPORTED} for a feature Kafka lacks, which
     *                            the core producer normally refuses first
     */
    static ProducerRecord<byte[], byte[]> of(OutboundRecord record) {
        requireSupported(record);
        Long timestamp = null;
        if (record.timestamp() != null) {
            try {
                timestamp = record.timestamp().toEpochMilli();
            } catch (ArithmeticException e) {
                throw new MessagingException(Reason.INVALID_ARGUMENT, "the message's timestamp " + record.timestamp()
                        + " is out of Kafka's range (milliseconds since 1970 in a long)", e);
            }
            if (timestamp < 0) {
                throw new MessagingException(Reason.INVALID_ARGUMENT, "the message's timestamp " + record.timestamp()
                        + " is before 1970; Kafka keeps timestamps as milliseconds since 1970, 0 or more");
            }
        }
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        // none: as a native record without headers (Kafka makes its own empty set; a list here would be copied)
        List<Header> headers = null;
        if (!record.headers().isEmpty()) {
            List<Header> translated = new ArrayList<>(record.headers().size());
            record.headers().forEach((name, value) -> translated.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
            headers = translated;
        }
        Integer partition = record.hasPartition() ? record.partition() : null;
        return new ProducerRecord<>(record.destination().name(), partition, timestamp, key, record.value(), headers);
    }

    private static void requireSupported(OutboundRecord record) {
        String missing = record.destination().kind() == Destination.Kind.QUEUE ? "queues"
                : record.deliveryDelay() != null ? "delivery delay"
                : record.timeToLive() != null ? "time to live"
                : record.priority() != null ? "priority" : null;
        if (missing != null) {
            throw new MessagingException(Reason.UNSUPPORTED, "Kafka has no " + missing + "; the message to "
                    + record.destination() + " was not sent");
        }
    }
}
