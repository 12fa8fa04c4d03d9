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
 * @param destination   where it goes
 * @param key           the ordering key, or null
 * @param value         the serialized value, never null; do not change it
 * @param headers       the headers to write, as they are
 * @param timestamp     the event time, or null for the broker's
 * @param partition     the partition the producer chose, or -1 to let the client choose by key
 * @param deliveryDelay the delivery delay, or null
 * @param timeToLive    the time to live, or null
 * @param priority      0 to 9, or null
 * @param deadlineNanos the {@link System#nanoTime()} by which the binding should have completed the send
 */
public record OutboundRecord(Destination destination, String key, byte[] value, Headers headers, Instant timestamp,
                             int partition, Duration deliveryDelay, Duration timeToLive, Integer priority,
                             long deadlineNanos) {

    /** A copy placed on {@code chosen}. */
    public OutboundRecord withPartition(int chosen) {
        return new OutboundRecord(destination, key, value, headers, timestamp, chosen, deliveryDelay, timeToLive,
                priority, deadlineNanos);
    }

    /** A copy sent elsewhere with more headers and a new deadline (used for dead letters). */
    public OutboundRecord redirect(Destination to, Headers moreHeaders, long newDeadlineNanos) {
        return new OutboundRecord(to, key, value, moreHeaders.withAbsent(headers), timestamp, -1, null, null, priority,
                newDeadlineNanos);
    }

    /** The time left before the deadline, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** Whether the producer chose the partition. */
    public boolean hasPartition() {
        return partition >= 0;
    }
}
