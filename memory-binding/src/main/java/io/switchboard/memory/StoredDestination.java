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
