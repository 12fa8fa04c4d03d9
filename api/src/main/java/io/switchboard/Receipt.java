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
package io.switchboard;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The broker's acknowledgement of one message: where it was written and, where the broker has them, its
 * partition, offset, message id and timestamp. {@link #unwrap(Class)} reaches the client's own metadata
 * (Kafka's {@code RecordMetadata}, Pulsar's {@code MessageId}, ...).
 */
public final class Receipt {
    private final Destination destination;
    private final int partition;
    private final long offset;
    private final String messageId;
    /** Where the id comes from when it is made only on demand (see {@link #partitionedLazily}), or null. */
    private final Supplier<String> messageIdSource;
    /**
     * The timestamp as seconds and nanoseconds since 1970 ({@link #NO_TIMESTAMP} for none) rather than an
     * {@link Instant}: a receipt is made for every acknowledged message, on the client's I/O thread, and most
     * callers never read the timestamp, so the {@code Instant} is made only when asked for.
     */
    private final long epochSecond;
    private final int nanos;
    private final Object nativeMetadata;

    /** Never a valid {@link Instant#getEpochSecond()}: the smallest is far greater. */
    private static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private Receipt(Destination destination, int partition, long offset, String messageId,
                    Supplier<String> messageIdSource, Instant timestamp, Object nativeMetadata) {
        this(destination, partition, offset, messageId, messageIdSource,
                timestamp == null ? NO_TIMESTAMP : timestamp.getEpochSecond(), timestamp == null ? 0 : timestamp.getNano(),
                nativeMetadata);
    }

    private Receipt(Destination destination, int partition, long offset, String messageId,
                    Supplier<String> messageIdSource, long epochSecond, int nanos, Object nativeMetadata) {
        this.destination = Objects.requireNonNull(destination, "destination");
        this.partition = partition;
        this.offset = offset;
        this.messageId = messageId;
        this.messageIdSource = messageIdSource;
        this.epochSecond = epochSecond;
        this.nanos = nanos;
        this.nativeMetadata = nativeMetadata;
    }

    /**
     * A receipt from a partitioned broker.
     *
     * @param partition      0 or more
     * @param offset         the position within the partition, or -1 when unknown
     * @param messageId      the broker's id for the message, or null to use {@code partition-offset}
     * @param timestamp      the broker's timestamp, or null
     * @param nativeMetadata the client's own metadata object, or null
     */
    public static Receipt partitioned(Destination destination, int partition, long offset, String messageId,
                                      Instant timestamp, Object nativeMetadata) {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be 0 or more, was " + partition);
        }
        // the default id "partition-offset" is built only when asked for: most callers never look at it
        return new Receipt(destination, partition, offset, messageId, null, timestamp, nativeMetadata);
    }

    /**
     * A receipt from a partitioned broker whose timestamp is in milliseconds since 1970, as Kafka's is: the same
     * receipt as {@link #partitioned(Destination, int, long, String, Instant, Object)} with
     * {@code Instant.ofEpochMilli(timestampMillis)}, without making that {@code Instant} until it is asked for.
     *
     * @param timestampMillis the broker's timestamp in milliseconds since 1970, or a negative value for none
     *                        (Kafka's {@code -1})
     */
    public static Receipt partitioned(Destination destination, int partition, long offset, String messageId,
                                      long timestampMillis, Object nativeMetadata) {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be 0 or more, was " + partition);
        }
        return timestampMillis < 0
                ? new Receipt(destination, partition, offset, messageId, null, NO_TIMESTAMP, 0, nativeMetadata)
                : new Receipt(destination, partition, offset, messageId, null, Math.floorDiv(timestampMillis, 1000L),
                (int) Math.floorMod(timestampMillis, 1000L) * 1_000_000, nativeMetadata);
    }

    /**
     * A receipt from a partitioned broker whose message id is written out only when {@link #messageId()} is asked
     * for: for a binding whose client's id is an object that is costly to turn into text, which most callers never
     * read.
     *
     * @param messageId gives the id, or null for none; called on each {@link #messageId()}, from any thread
     */
    public static Receipt partitionedLazily(Destination destination, int partition, long offset,
                                            Supplier<String> messageId, Instant timestamp, Object nativeMetadata) {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be 0 or more, was " + partition);
        }
        return new Receipt(destination, partition, offset, null, messageId, timestamp, nativeMetadata);
    }

    /** A receipt from a broker without partitions (JMS): a message id and perhaps a timestamp. */
    public static Receipt unpartitioned(Destination destination, String messageId, Instant timestamp,
                                        Object nativeMetadata) {
        return new Receipt(destination, -1, -1, messageId, null, timestamp, nativeMetadata);
    }

    /** The destination the message was written to. */
    public Destination destination() {
        return destination;
    }

    /** The partition, where the broker has partitions. */
    public OptionalInt partition() {
        return partition < 0 ? OptionalInt.empty() : OptionalInt.of(partition);
    }

    /** The offset within the partition, where the broker has offsets. */
    public OptionalLong offset() {
        return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** The broker's id for the message, in the broker's usual string form. */
    public Optional<String> messageId() {
        if (messageIdSource != null) {
            return Optional.ofNullable(messageIdSource.get());
        }
        if (messageId == null && partition >= 0 && offset >= 0) {
            return Optional.of(partition + "-" + offset);
        }
        return Optional.ofNullable(messageId);
    }

    /** The timestamp the broker recorded, where it reports one. */
    public Optional<Instant> timestamp() {
        return Optional.ofNullable(timestampOrNull());
    }

    private Instant timestampOrNull() {
        return epochSecond == NO_TIMESTAMP ? null : Instant.ofEpochSecond(epochSecond, nanos);
    }

    /**
     * The client's own metadata for this message as {@code type}.
     *
     * @throws MessagingException {@link Reason#UNSUPPORTED} when the binding has no metadata of that type
     */
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(nativeMetadata)) {
            return type.cast(nativeMetadata);
        }
        throw new MessagingException(Reason.UNSUPPORTED, "this receipt has no native metadata of type " + type.getName()
                + (nativeMetadata == null ? "" : "; it has " + nativeMetadata.getClass().getName()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Receipt that && partition == that.partition && offset == that.offset
                && destination.equals(that.destination) && messageId().equals(that.messageId())
                && epochSecond == that.epochSecond && nanos == that.nanos;
    }

    @Override
    public int hashCode() {
        return Objects.hash(destination, partition, offset, messageId());
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Receipt[").append(destination);
        if (partition >= 0) {
            out.append(", partition=").append(partition);
        }
        if (offset >= 0) {
            out.append(", offset=").append(offset);
        }
        messageId().ifPresent(id -> out.append(", id=").append(id));
        if (epochSecond != NO_TIMESTAMP) {
            out.append(", timestamp=").append(timestampOrNull());
        }
        return out.append(']').toString();
    }
}
