package io.switchboard.memory;

import io.switchboard.Destination;
import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.spi.OutboundRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One topic or queue of the memory broker: its partitions' logs and the arrival order across them. */
final class StoredDestination {
    final String name;
    final Destination.Kind kind;
    private final long[] nextOffsets;
    private final List<StoredMessage> arrivals = new ArrayList<>();
    private int unkeyedTurn;

    StoredDestination(String name, Destination.Kind kind, int partitions) {
        this.name = name;
        this.kind = kind;
        this.nextOffsets = new long[partitions];
    }

    int partitionCount() {
        return nextOffsets.length;
    }

    synchronized StoredMessage append(OutboundRecord record, Instant now) {
        int partition = choosePartition(record);
        StoredMessage stored = new StoredMessage(name, partition, nextOffsets[partition]++, record.key(),
                record.value().clone(), record.headers().asMap(), record.timestamp() != null ? record.timestamp() : now,
                record.priority(), record.deliveryDelay(), record.timeToLive(), now);
        arrivals.add(stored);
        return stored;
    }

    synchronized List<StoredMessage> all() {
        return List.copyOf(arrivals);
    }

    private int choosePartition(OutboundRecord record) {
        int partitions = nextOffsets.length;
        if (record.hasPartition()) {
            if (record.partition() >= partitions) {
                throw new MessagingException(Reason.INVALID_ARGUMENT, "partition " + record.partition() + " of " + name
                        + " does not exist; it has " + partitions);
            }
            return record.partition();
        }
        if (record.key() != null) {
            return KeyHash.partition(record.key(), partitions);
        }
        return Math.floorMod(unkeyedTurn++, partitions);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + name + " with " + nextOffsets.length + " partition(s)";
    }
}
