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
package io.switchboard.tck;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * One message as the broker's own client saw it.
 *
 * @param key       the key (Kafka key, Pulsar key, JMSXGroupID) as UTF-8 text, or null
 * @param value     the value bytes exactly as stored
 * @param headers   headers (Kafka headers, Pulsar properties, JMS string properties decoded by the binding's
 *                  documented rule), without any the broker itself adds
 * @param partition the partition, or -1 where the broker has none
 * @param position  the position within the partition or queue (offset, ledger entry, arrival index)
 * @param timestamp the timestamp the broker holds for it (event time where the broker keeps one), or null
 * @param priority  the priority the broker holds, or null
 */
public record ProbedMessage(String key, byte[] value, Map<String, String> headers, int partition, long position,
                            Instant timestamp, Integer priority) {

    /** Copies the headers. */
    public ProbedMessage {
        headers = Map.copyOf(headers);
    }

    /** The value as UTF-8 text. */
    public String valueAsString() {
        return new String(value, StandardCharsets.UTF_8);
    }
}
