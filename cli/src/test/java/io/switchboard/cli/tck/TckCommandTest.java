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
package io.switchboard.cli.tck;

import io.switchboard.cli.Run;
import io.switchboard.embedded.jms.EmbeddedArtemis;
import io.switchboard.embedded.pulsar.EmbeddedPulsar;
import io.switchboard.tck.pulsar.PulsarFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code switchboard tck}, run in-process on the memory binding's fixture and on a fixture that fails. */
class TckCommandTest {

    @Test
    void runsOneGroupOnTheMemoryBindingAndWritesBothReports(@TempDir Path reports) throws Exception {
        Run run = run("tck", "--binding", "memory", "--only", "Lifecycle", "--only", "flush-and-close",
                "--report", reports.toString());

        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out()).contains("Lifecycle", "Flush and close", "close() delivers every accepted message",
                "passed, 0 failed");
        assertThat(run.out()).doesNotContain("Fidelity");
        String markdown = Files.readString(reports.resolve("report.md"));
        assertThat(markdown).contains("# Switchboard compatibility kit report", "## Lifecycle", "## Flush and close",
                "| pass |").doesNotContain("| FAIL |");
        String xml = Files.readString(reports.resolve("TEST-junit-jupiter.xml"));
        assertThat(xml).contains("<testsuite", "failures=\"0\"", "closeDeliversEveryAcceptedMessage");
    }

    @Test
    void runsOnAnEmbeddedKafkaWithTheSecretCasesRunningToo(@TempDir Path reports) throws Exception {
        Run run = run("tck", "--binding", "kafka", "--only", "Lifecycle", "--only", "Secrets are never shown",
                "--report", reports.toString());

        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out()).contains("starting an embedded Kafka broker", "KafkaFixture",
                "no secret appears in a working producer's toString, receipts, results or log lines",
                "passed, 0 failed, 0 skipped");
        assertThat(Files.readString(reports.resolve("TEST-junit-jupiter.xml"))).contains("skipped=\"0\"",
                "failures=\"0\"");
    }

    @Test
    void runsOnAPulsarAndAJmsBrokerDescribedByAFileAsAnExternalOne(@TempDir Path dir) throws Exception {
        EmbeddedPulsar pulsar = PulsarFixture.kitBroker().build();
        EmbeddedArtemis artemis = EmbeddedArtemis.builder().user("ops", "ops-Pa55-2xQ-k7").diskSync(false).build();
        try {
            pulsar.start();
            artemis.start();
            Path pulsarFile = Files.writeString(dir.resolve("pulsar.properties"), "serviceUrl=" + pulsar.serviceUrl()
                    + "\nadminUrl=" + pulsar.httpUrl() + "\n");
            Path jmsFile = Files.writeString(dir.resolve("jms.properties"), "provider=artemis\nurl=" + artemis.brokerUrl()
                    + "?consumerWindowSize=-1\nuser=ops\npassword=ops-Pa55-2xQ-k7\ntck.wrong.password=ops-Wr0ng-5v\n");

            Run onPulsar = run("tck", "--binding", "pulsar", "--config", pulsarFile.toString(), "--only", "Lifecycle",
                    "--report", dir.resolve("pulsar").toString());
            Run onJms = run("tck", "--binding", "jms", "--config", jmsFile.toString(), "--only", "Lifecycle",
                    "--only", "Secrets are never shown", "--report", dir.resolve("jms").toString());

            assertThat(onPulsar.status()).as(onPulsar.out()).isZero();
            assertThat(onPulsar.out()).contains("Pulsar cluster at " + pulsar.serviceUrl(), "passed, 0 failed");
            assertThat(onJms.status()).as(onJms.out()).isZero();
            assertThat(onJms.out()).contains("artemis broker at", "passed, 0 failed, 0 skipped").doesNotContain("ops-Pa55-2xQ-k7");
        } finally {
            artemis.close();
            pulsar.close();
        }
    }

    @Test
    void anExternalBrokerFileWithoutBootstrapServersIsAUsageError(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("broker.properties"), "security.protocol=SSL\n");
        Run run = run("tck", "--binding", "kafka", "--config", config.toString(), "--report", dir.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("no bootstrap.servers", "bootstrap.servers=host:port");
    }

    @Test
    void aFixtureThatFailsMakesTheRunFailAndSaysWhy(@TempDir Path reports) throws Exception {
        Run run = run("tck", "--fixture", BlindFixture.class.getName(), "--only", "Lifecycle",
                "--report", reports.toString());

        assertThat(run.status()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL", "a message sent with send() is acknowledged, and the broker's own client reads it",
                "why:");
        assertThat(Files.readString(reports.resolve("report.md"))).contains("| FAIL |");
        assertThat(Files.readString(reports.resolve("TEST-junit-jupiter.xml"))).contains("<failure");
    }

    @Test
    void anUnknownGroupIsAUsageErrorThatListsTheGroups(@TempDir Path reports) {
        Run run = run("tck", "--only", "Nonsense", "--report", reports.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--only Nonsense is no part of the kit", "Lifecycle", "FlushAndClose");
    }

    @Test
    void aFixtureClassThatIsNotThereIsAUsageError(@TempDir Path reports) {
        Run run = run("tck", "--fixture", "com.example.NoSuchFixture", "--report", reports.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("com.example.NoSuchFixture is not on the class path", "--classpath");
    }

    private static Run run(String... args) {
        return Run.of(args);
    }
}
