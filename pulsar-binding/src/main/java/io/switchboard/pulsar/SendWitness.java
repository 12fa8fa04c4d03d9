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

import org.apache.pulsar.client.api.Producer;

/**
 * What the native producer's connection looked like when a record was handed over, so that a later failure can be
 * judged truthfully. A record can only have reached the broker through a connection that was up at some point after
 * the hand-over. If the producer was disconnected then, is disconnected at the failure, and has not lost a
 * connection in between (its last-disconnect time is unchanged), no connection carried the record: it was not
 * written. Anything else means it may have been.
 *
 * <p>Only a producer of one topic or one partition can prove this; for a partitioned topic's producer, Pulsar
 * reports the state of all partitions together, which says nothing about the one the record went to.
 */
final class SendWitness {
    /** The witness that never proves anything. */
    static final SendWitness NONE = new SendWitness(null, true, 0);

    private final Producer<?> producer;
    private final boolean connectedAtHandOver;
    private final long lastDisconnectAtHandOver;

    private SendWitness(Producer<?> producer, boolean connected, long lastDisconnect) {
        this.producer = producer;
        this.connectedAtHandOver = connected;
        this.lastDisconnectAtHandOver = lastDisconnect;
    }

    /** Taken just before the record is handed to {@code producer}. */
    static SendWitness before(Producer<?> producer) {
        if (producer.getNumOfPartitions() > 0) {
            return NONE;
        }
        return new SendWitness(producer, producer.isConnected(), producer.getLastDisconnectedTimestamp());
    }

    /** Whether no connection can have carried the record between the hand-over and now. */
    boolean provesNotWritten() {
        return producer != null && !connectedAtHandOver && !producer.isConnected()
                && producer.getLastDisconnectedTimestamp() == lastDisconnectAtHandOver;
    }
}
