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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan on a made-up build: one module that leaked a secret into its test output, one that did not. */
class OutputScanTest {

    @TempDir
    Path root;

    @Test
    @DisplayName("a registered secret in a module's test output is found, with its file and line")
    void findsALeak() throws IOException {
        Path leaky = write("leaky/target/surefire-reports/io.example.LeakyTest-output.txt",
                "starting\nconnecting with password=hunter2-hunter2-x9\n");
        write("leaky/target/" + OutputScan.REGISTRY_NAME, "hunter2-hunter2-x9\n");
        write("clean/target/surefire-reports/io.example.CleanTest-output.txt", "password=****\n");
        write("clean/target/" + OutputScan.REGISTRY_NAME, "other-secret-value-1\n");

        List<Path> targets = OutputScan.targetDirectories(root);
        List<OutputScan.Finding> findings = OutputScan.find(OutputScan.registeredSecrets(targets),
                OutputScan.outputFiles(targets));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.file()).isEqualTo(leaky);
            assertThat(finding.line()).isEqualTo(2);
            assertThat(finding.toString()).contains("'hunt...'").doesNotContain("hunter2-hunter2-x9");
        });
    }

    @Test
    @DisplayName("logs and nested modules are output; the registry, classes and TLS material are not")
    void whatCountsAsOutput() throws IOException {
        Path log = write("brokers/kafka/target/broker.log", "x");
        Path report = write("brokers/kafka/target/reliability/kit.md", "x");
        write("brokers/kafka/target/" + OutputScan.REGISTRY_NAME, "x");
        write("brokers/kafka/target/classes/messages.txt", "x");
        write("brokers/kafka/target/test-tls/server-key.pem", "x");
        write("brokers/kafka/target/test-tls/notes.txt", "x");
        write("brokers/kafka/src/test/resources/target/fixture.txt", "x");

        assertThat(OutputScan.outputFiles(OutputScan.targetDirectories(root))).containsExactlyInAnyOrder(log, report);
    }

    private Path write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
