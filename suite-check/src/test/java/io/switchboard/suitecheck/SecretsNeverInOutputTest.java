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
package io.switchboard.suitecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The whole-suite secret check. This module comes last in the build, so every other module's tests have run and
 * left their output: no password, token or key that any test registered may appear in any of it.
 */
class SecretsNeverInOutputTest {

    @Test
    @DisplayName("no registered test secret appears in any output of the test run")
    void noSecretInAnyOutput() {
        Path root = Path.of(System.getProperty("switchboard.suite.root", "..")).toAbsolutePath().normalize();
        List<Path> targets = OutputScan.targetDirectories(root);
        Set<String> secrets = OutputScan.registeredSecrets(targets);
        List<Path> outputs = OutputScan.outputFiles(targets);
        assertThat(secrets).as("secrets registered by the test run under " + root
                + " (this check runs after the whole suite: ./mvnw verify)").isNotEmpty();
        assertThat(outputs).as("output files of the test run under " + root).isNotEmpty();

        assertThat(OutputScan.find(secrets, outputs)).as("registered secrets (" + secrets.size() + ") found in the "
                + outputs.size() + " output files").isEmpty();
    }
}
