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
