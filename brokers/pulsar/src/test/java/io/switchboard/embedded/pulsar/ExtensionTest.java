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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPulsarExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionTest {

    private static EmbeddedPulsar injectedBeforeAll;

    @BeforeAll
    static void remember(EmbeddedPulsar pulsar) {
        injectedBeforeAll = pulsar;
    }

    @Test
    @Order(1)
    void injectsOneRunningBrokerEverywhere(EmbeddedPulsar pulsar) {
        assertThat(pulsar).isSameAs(injectedBeforeAll);
        assertThat(pulsar.isRunning()).isTrue();
    }

    @Test
    @Order(2)
    void aTestMayStopTheSharedBroker(EmbeddedPulsar pulsar) {
        pulsar.stop();

        assertThat(pulsar.isRunning()).isFalse();
    }

    @Test
    @Order(3)
    void theNextInjectionStartsItAgain(EmbeddedPulsar pulsar) {
        assertThat(pulsar).isSameAs(injectedBeforeAll);
        assertThat(pulsar.isRunning()).isTrue();
    }

    @Nested
    class NestedClasses {

        @Test
        void shareTheSameBroker(EmbeddedPulsar pulsar) {
            assertThat(pulsar).isSameAs(injectedBeforeAll);
        }
    }
}
