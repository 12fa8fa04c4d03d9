package io.switchboard.spi;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineMarginTest {

    @Test
    void aTenthOfTheTimeout() {
        assertThat(DeadlineMargin.of(Duration.ofSeconds(3))).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void atLeast100MillisAtMostOneSecond() {
        assertThat(DeadlineMargin.of(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(100));
        assertThat(DeadlineMargin.of(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(1));
        assertThat(DeadlineMargin.nanos(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void neverMoreThanHalfTheTimeout() {
        assertThat(DeadlineMargin.of(Duration.ofMillis(120))).isEqualTo(Duration.ofMillis(60));
    }
}
