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
package io.switchboard.spi;

import io.switchboard.Destination;
import io.switchboard.Headers;

import java.time.Duration;
import java.time.Instant;

/**
 * One message as a binding sees it: validated, serialized, its headers final (content type and interceptor
 * headers included), and its partition chosen when the producer chose one.
 *
 * <p>The core producer hands a binding its own bookkeeping object for the send as this view, so that a send costs
 * no separate record. The view is valid until the binding reports the send's outcome: a binding reads what it
 * needs before it reports (a receipt's destination, for example), and does not keep the view for later. After an
 * acknowledgement its content is let go, and reading it fails with {@link IllegalStateException}.
 *
 * <p>A binding or a test that needs a record of its own (a decorator that changes one field, a unit test) makes
 * one with {@link #of}.
 */
public interface OutboundRecord {

    /** Where it goes. */
    Destination destination();

    /** The ordering key, or null. */
    String key();

    /** The serialized value, never null; do not change it. */
    byte[] value();

    /** The headers to write, as they are. */
    Headers headers();

    /** The event time, or null for the broker's. */
    Instant timestamp();

    /** The partition the producer chose, or -1 to let the client choose by key. */
    int partition();

    /** The delivery delay, or null. */
    Duration deliveryDelay();

    /** The time to live, or null. */
    Duration timeToLive();

    /** 0 to 9, or null. */
    Integer priority();

    /** The {@link System#nanoTime()} by which the binding should have completed the send. */
    long deadlineNanos();

    /** The time left before the deadline, never negative. */
    default Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos() - System.nanoTime()));
    }

    /** Whether the producer chose the partition. */
    default boolean hasPartition() {
        return partition() >= 0;
    }

    /** A record of the given fields, independent of any producer; see {@link Values}. */
    static OutboundRecord of(Destination destination, String key, byte[] value, Headers headers, Instant timestamp,
                             int partition, Duration deliveryDelay, Duration timeToLive, Integer priority,
                             long deadlineNanos) {
        return new Values(destination, key, value, headers, timestamp, partition, deliveryDelay, timeToLive, priority,
                deadlineNanos);
    }

    /** A copy of {@code record}'s fields that stays valid after the send's outcome (for a test's fake backend). */
    static OutboundRecord copyOf(OutboundRecord record) {
        return record instanceof Values ? record : record.withPartition(record.partition());
    }

    /** A record of these fields placed on {@code chosen}: for a decorating binding that places records itself. */
    default OutboundRecord withPartition(int chosen) {
        return of(destination(), key(), value(), headers(), timestamp(), chosen, deliveryDelay(), timeToLive(),
                priority(), deadlineNanos());
    }

    /**
     * A record as plain values, for bindings and tests that make their own.
     *
     * @param destination   where it goes
     * @param key           the ordering key, or null
     * @param value         the serialized value, never null
     * @param headers       the headers to write
     * @param timestamp     the event time, or null for the broker's
     * @param partition     the chosen partition, or -1
     * @param deliveryDelay the delivery delay, or null
     * @param timeToLive    the time to live, or null
     * @param priority      0 to 9, or null
     * @param deadlineNanos the {@link System#nanoTime()} deadline
     */
    record Values(Destination destination, String key, byte[] value, Headers headers, Instant timestamp,
                  int partition, Duration deliveryDelay, Duration timeToLive, Integer priority,
                  long deadlineNanos) implements OutboundRecord {
    }
}
