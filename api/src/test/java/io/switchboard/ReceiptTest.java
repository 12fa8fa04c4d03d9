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

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A receipt says where and when the broker wrote the message")
class ReceiptTest {
    private static final Destination ORDERS = Destination.of("orders");

    @Test
    @DisplayName("a timestamp given in milliseconds reads back as the same instant as one given as an Instant")
    void millisecondTimestampsEqualInstants() {
        Instant at = Instant.parse("2026-12-02T10:15:30.123Z");
        Receipt fromMillis = Receipt.partitioned(ORDERS, 2, 7, null, at.toEpochMilli(), "native");
        Receipt fromInstant = Receipt.partitioned(ORDERS, 2, 7, null, at, "native");

        assertThat(fromMillis.timestamp()).contains(at);
        assertThat(fromMillis).isEqualTo(fromInstant).hasSameHashCodeAs(fromInstant);
        assertThat(fromMillis.toString()).isEqualTo(fromInstant.toString()).contains("timestamp=2026-12-02T10:15:30.123Z");
        assertThat(fromMillis.messageId()).contains("2-7");
        assertThat(fromMillis.unwrap(String.class)).isEqualTo("native");
    }

    @Test
    @DisplayName("a negative millisecond timestamp (Kafka's -1) means the broker reported none")
    void negativeMillisecondsMeanNoTimestamp() {
        Receipt none = Receipt.partitioned(ORDERS, 0, 1, null, -1L, null);

        assertThat(none.timestamp()).isEmpty();
        assertThat(none).isEqualTo(Receipt.partitioned(ORDERS, 0, 1, null, (Instant) null, null));
        assertThat(none.toString()).doesNotContain("timestamp");
    }

    @Test
    @DisplayName("an Instant timestamp keeps its nanoseconds, also before 1970")
    void instantTimestampsKeepTheirPrecision() {
        Instant early = Instant.ofEpochSecond(-5, 999_999_999);
        Instant precise = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);

        assertThat(Receipt.unpartitioned(ORDERS, "id", early, null).timestamp()).contains(early);
        assertThat(Receipt.partitioned(ORDERS, 0, 0, null, precise, null).timestamp()).contains(precise);
        assertThat(Receipt.partitioned(ORDERS, 0, 0, null, precise, null))
                .isNotEqualTo(Receipt.partitioned(ORDERS, 0, 0, null, precise.plusNanos(1), null));
    }
}
