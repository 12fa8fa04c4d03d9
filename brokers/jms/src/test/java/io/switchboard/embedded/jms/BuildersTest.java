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
package io.switchboard.embedded.jms;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildersTest {

    @Test
    @DisplayName("a blank user name, a missing password or destination, and a repeated user are refused")
    void invalidUsersAreRefused() {
        assertThatThrownBy(() -> EmbeddedArtemis.builder().user(" ", "pw"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user name");
        assertThatThrownBy(() -> EmbeddedArtemis.builder().user("app", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> EmbeddedActiveMqClassic.builder().userDeniedSendTo("guest", "pw", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("destination");
        assertThatThrownBy(() -> EmbeddedActiveMqClassic.builder().userDeniedSendTo("guest", "pw", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("destination");
        assertThatThrownBy(() -> EmbeddedActiveMqClassic.builder().user("app", "a").userDeniedSendTo("app", "b", "q"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'app' is already defined");
    }

    @Test
    @DisplayName("a send limit must be positive")
    void sendLimitMustBePositive() {
        assertThatThrownBy(() -> EmbeddedArtemis.builder().failSendsBeyond(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    @DisplayName("settings never show a password")
    void settingsHidePasswords() {
        String settings = EmbeddedActiveMqClassic.builder().user("app", "s3cr3t")
                .userDeniedSendTo("guest", "gu3st", "orders").settings().toString();

        assertThat(settings).contains("app", "guest", "orders").doesNotContain("s3cr3t", "gu3st");
    }

    @Test
    @DisplayName("builders with the same options describe the same broker")
    void equalOptionsGiveEqualSettings() {
        assertThat(EmbeddedActiveMqClassic.builder().user("app", "pw").schedulerSupport(true).settings())
                .isEqualTo(EmbeddedActiveMqClassic.builder().user("app", "pw").schedulerSupport(true).settings())
                .isNotEqualTo(EmbeddedActiveMqClassic.builder().user("app", "pw").settings());
        assertThat(EmbeddedArtemis.builder().diskSync(false).settings())
                .isEqualTo(EmbeddedArtemis.builder().diskSync(false).settings())
                .isNotEqualTo(EmbeddedArtemis.builder().settings());
    }

    @Test
    @DisplayName("building a broker starts nothing and creates no directory")
    void buildingHasNoSideEffects() {
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().build()) {
            assertThat(broker.isRunning()).isFalse();
            assertThat(broker.storeDirectory()).isNull();
            assertThat(broker).hasToString("artemis (stopped)");
        }
    }
}
