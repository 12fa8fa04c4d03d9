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
package io.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TestSecretsTest {

    @Test
    @DisplayName("a generated secret is registered in the file the build names, after the ones before it")
    void generatedSecretsAreRegistered() {
        String registry = System.getProperty(TestSecrets.REGISTRY_PROPERTY);
        assertThat(registry).as("the build sets " + TestSecrets.REGISTRY_PROPERTY).isNotBlank();
        String first = TestSecrets.generate("first-password");
        String second = TestSecrets.register("a-long-enough-" + first.substring(first.length() - 6));
        assertThat(first).startsWith("first-password-").hasSize("first-password-".length() + 20);
        assertThat(TestSecrets.read(Path.of(registry))).containsSubsequence(first, second);
    }

    @Test
    @DisplayName("without a registry (an IDE, a user's own build) nothing is recorded and nothing refused")
    void withoutARegistry() {
        String registry = System.clearProperty(TestSecrets.REGISTRY_PROPERTY);
        try {
            assertThat(TestSecrets.register("pw")).isEqualTo("pw");
        } finally {
            System.setProperty(TestSecrets.REGISTRY_PROPERTY, registry);
        }
        assertThat(TestSecrets.read(Path.of(registry))).doesNotContain("pw");
    }

    @Test
    @DisplayName("a short secret or one of several lines is refused with what to do instead")
    void weakSecretsAreRefused() {
        assertThatThrownBy(() -> TestSecrets.register("secret")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 12 characters").hasMessageContaining("TestSecrets.generate");
        assertThatThrownBy(() -> TestSecrets.register("line-one-long\nline-two-long"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
    }
}
