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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A message as the memory broker stored it: what an application test inspects.
 *
 * @param destination   the destination's name
 * @param partition     the partition (0 for a queue)
 * @param offset        the position within the partition
 * @param key           the key, or null
 * @param value         the value bytes
 * @param headers       the headers, in order
 * @param timestamp     the message's event time, or the time it was stored when it had none
 * @param priority      the priority, or null
 * @param deliveryDelay the delivery delay, or null
 * @param timeToLive    the time to live, or null
 * @param storedAt      when the broker stored it
 */
public record StoredMessage(String destination, int partition, long offset, String key, byte[] value,
                            Map<String, String> headers, Instant timestamp, Integer priority, Duration deliveryDelay,
                            Duration timeToLive, Instant storedAt) {

    /** The value as UTF-8 text. */
    public String valueAsString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Whether a consumer would get this message at {@code now}: its delay has passed and it has not expired. */
    public boolean isDeliverableAt(Instant now) {
        boolean due = deliveryDelay == null || !storedAt.plus(deliveryDelay).isAfter(now);
        boolean alive = timeToLive == null || storedAt.plus(timeToLive).isAfter(now);
        return due && alive;
    }

    @Override
    public String toString() {
        return "StoredMessage[" + destination + "/" + partition + "@" + offset + ", key=" + key + ", value="
                + value.length + " bytes, headers=" + headers + "]";
    }
}
