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
package io.switchboard.embedded.pulsar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void urlsAreUnknownBeforeTheFirstStart() {
        try (EmbeddedPulsar pulsar = EmbeddedPulsar.builder().build()) {
            assertThat(pulsar.isRunning()).isFalse();
            assertThatThrownBy(pulsar::serviceUrl).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(pulsar::httpUrl).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void topicsCannotBeCreatedWhileNotRunning() {
        try (EmbeddedPulsar pulsar = EmbeddedPulsar.builder().build()) {
            assertThatThrownBy(() -> pulsar.createTopic("t")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void tokensNeedTokenAuthentication() {
        try (EmbeddedPulsar pulsar = EmbeddedPulsar.builder().build()) {
            assertThatThrownBy(() -> pulsar.createToken("app"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("tokenAuthentication(true)");
        }
    }

    @Test
    void closedInstanceCannotStartAgainAndClosesTwiceQuietly() {
        EmbeddedPulsar pulsar = EmbeddedPulsar.builder().build();
        pulsar.close();
        pulsar.close();

        assertThatThrownBy(pulsar::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invalidOptionsAreRejectedWhenSet() {
        assertThatThrownBy(() -> EmbeddedPulsar.builder().maxMessageSize(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxMessageSize");
    }
}
