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
package io.switchboard.pulsar;

import io.switchboard.Destination;
import io.switchboard.Receipt;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.MessageIdAdv;

/**
 * Pulsar's acknowledgement as a {@link Receipt}: the partition, the message id in Pulsar's usual text form
 * ({@code ledger:entry:partition}, plus {@code :batchIndex} inside a batch) and the {@link MessageId} itself for
 * {@link Receipt#unwrap}. Pulsar has no offsets and reports no broker time on a send, so neither is given.
 */
final class Receipts {
    private Receipts() {
    }

    /**
     * The receipt of a record.
     *
     * @param chosenPartition  the partition the producer chose, or -1 when Pulsar routed the record
     * @param partitionedTopic whether the destination is a partitioned topic (a non-partitioned one is partition 0)
     */
    static Receipt of(Destination destination, int chosenPartition, boolean partitionedTopic, MessageId id) {
        MessageIdAdv adv = id instanceof MessageIdAdv a ? a : null;
        int partition = chosenPartition >= 0 ? chosenPartition
                : adv != null && adv.getPartitionIndex() >= 0 ? adv.getPartitionIndex() : 0;
        int partitionOfTopic = partitionedTopic ? chosenPartition : -1;
        // the id's text is built only if someone reads it: on the client's I/O thread it would cost more than the rest
        return Receipt.partitionedLazily(destination, partition, -1, () -> text(id, adv, partitionOfTopic), null, id);
    }

    private static String text(MessageId id, MessageIdAdv adv, int partitionOfTopic) {
        if (adv == null) {
            return id.toString();
        }
        if (adv.getLedgerId() < 0 && adv.getEntryId() < 0) {
            // the broker recognised a resend it had already stored (deduplication) and did not say where
            return null;
        }
        if (partitionOfTopic < 0 || adv.getPartitionIndex() >= 0) {
            return id.toString();
        }
        // Sent to one partition topic directly: Pulsar's id leaves the partition out, while consumers of the
        // partitioned topic see it in; write it the way they see it.
        return adv.getLedgerId() + ":" + adv.getEntryId() + ":" + partitionOfTopic
                + (adv.getBatchIndex() >= 0 ? ":" + adv.getBatchIndex() : "");
    }
}
