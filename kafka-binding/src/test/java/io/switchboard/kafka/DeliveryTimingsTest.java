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
package io.switchboard.kafka;

import io.switchboard.spi.DeadlineMargin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryTimingsTest {

    @Test
    @DisplayName("Kafka gets the delivery timeout less the SPI's DeadlineMargin: a tenth, 100 ms to 1 s, never more than half")
    void splitsTheBudget() {
        assertThat(DeliveryTimings.of(Duration.ofSeconds(30))).isEqualTo(new DeliveryTimings(29_000, 1_000_000_000L, 14_500));
        assertThat(DeliveryTimings.of(Duration.ofSeconds(10))).isEqualTo(new DeliveryTimings(9_000, 1_000_000_000L, 4_500));
        assertThat(DeliveryTimings.of(Duration.ofSeconds(5))).isEqualTo(new DeliveryTimings(4_500, 500_000_000L, 2_250));
        assertThat(DeliveryTimings.of(Duration.ofSeconds(1))).isEqualTo(new DeliveryTimings(900, 100_000_000L, 450));
        assertThat(DeliveryTimings.of(Duration.ofMillis(50))).isEqualTo(new DeliveryTimings(25, 25_000_000L, 12));
        // the very rule every binding uses, not a copy of it
        for (Duration timeout : List.of(Duration.ofMillis(150), Duration.ofSeconds(3), Duration.ofMinutes(2))) {
            assertThat(DeliveryTimings.of(timeout).marginNanos()).isEqualTo(DeadlineMargin.nanos(timeout));
        }
        assertThat(DeliveryTimings.of(Duration.ofNanos(1)).kafkaDeliveryTimeoutMs()).isEqualTo(1);
    }
}
