package io.switchboard.kafka;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryTimingsTest {

    @Test
    @DisplayName("Kafka gets the delivery timeout less a twentieth, at least 100 ms and at most 1 s, never more than half")
    void splitsTheBudget() {
        assertThat(DeliveryTimings.of(Duration.ofSeconds(30))).isEqualTo(new DeliveryTimings(29_000, 1_000_000_000L, 14_500));
        assertThat(DeliveryTimings.of(Duration.ofSeconds(10))).isEqualTo(new DeliveryTimings(9_500, 500_000_000L, 4_750));
        assertThat(DeliveryTimings.of(Duration.ofSeconds(1))).isEqualTo(new DeliveryTimings(900, 100_000_000L, 450));
        assertThat(DeliveryTimings.of(Duration.ofMillis(50))).isEqualTo(new DeliveryTimings(25, 25_000_000L, 12));
        assertThat(DeliveryTimings.of(Duration.ofNanos(1)).kafkaDeliveryTimeoutMs()).isEqualTo(1);
    }
}
