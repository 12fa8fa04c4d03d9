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
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Binding discovery never picks silently")
class BindingDiscoveryTest {
    @TempDir
    Path dir;

    private ProducerBuilder<byte[]> builder(Class<?>... providers) {
        return Switchboard.builder().classLoader(TestBindings.registering(dir, providers));
    }

    @Test
    void noBindingOnTheClassPathListsTheArtifactsToAdd() {
        assertThatThrownBy(() -> builder().build())
                .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessage("no Switchboard binding is on the class path; add one of io.switchboard:switchboard-kafka (kafka), "
                        + "io.switchboard:switchboard-pulsar (pulsar), io.switchboard:switchboard-jms (jms), "
                        + "io.switchboard:switchboard-memory (memory)");
    }

    @Test
    void aNamedBindingThatIsMissingNamesItsArtifact() {
        assertThatThrownBy(() -> builder().property("switchboard.binding", "kafka").build())
                .hasMessage("no Switchboard binding is on the class path (switchboard.binding=kafka); add one of "
                        + "io.switchboard:switchboard-kafka");
    }

    @Test
    void anUnknownNameListsTheNamesFound() {
        assertThatThrownBy(() -> builder(TestBindings.Alpha.class, TestBindings.Beta.class)
                .property("switchboard.binding", "alpah").build())
                .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessage("switchboard.binding=alpah names no binding on the class path; found [alpha, beta] (did you mean 'alpha'?)");
    }

    @Test
    void anUnknownNameOfASwitchboardBindingSaysWhichArtifactToAdd() {
        assertThatThrownBy(() -> builder(TestBindings.Beta.class).property("switchboard.binding", "pulsar").build())
                .hasMessage("switchboard.binding=pulsar names no binding on the class path; found [beta]; add "
                        + "io.switchboard:switchboard-pulsar to the class path");
    }

    @Test
    void twoBindingsWithOneNameAreNamedBothByClass() {
        assertThatThrownBy(() -> builder(TestBindings.Alpha.class, TestBindings.AlphaTwin.class)
                .property("switchboard.binding", "alpha").build())
                .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessageStartingWith("2 bindings are named 'alpha': io.switchboard.TestBindings$Alpha (from ")
                .hasMessageContaining(" and io.switchboard.TestBindings$AlphaTwin (from ")
                .hasMessageEndingWith("; keep exactly one of them on the class path");
    }

    @Test
    void severalBindingsAndNoNameAskForTheName() {
        assertThatThrownBy(() -> builder(TestBindings.Alpha.class, TestBindings.Beta.class).build())
                .hasMessage("switchboard.binding is not set and several bindings are on the class path: [alpha, beta]; "
                        + "set switchboard.binding to one of them");
    }

    @Test
    void theOnlyBindingIsUsedWhenNoneIsNamed() {
        try (Producer<byte[]> producer = builder(TestBindings.Beta.class).build()) {
            assertThat(producer.binding()).isEqualTo("beta");
        }
    }

    @Test
    void aUrlSchemeSelectsTheBindingAndItsAddressGoesToTheBinding() {
        try (Producer<byte[]> producer = builder(TestBindings.Alpha.class, TestBindings.Beta.class)
                .url("alpha://h1:9092,h2:9092?acks=all&switchboard.client-id=orders").build()) {
            assertThat(producer.binding()).isEqualTo("alpha");
            assertThat(TestBindings.LAST_CONFIG.get().properties())
                    .containsEntry("servers", "h1:9092,h2:9092").containsEntry("acks", "all");
            assertThat(TestBindings.LAST_CONFIG.get().settings().clientId()).isEqualTo("orders");
        }
    }
}
