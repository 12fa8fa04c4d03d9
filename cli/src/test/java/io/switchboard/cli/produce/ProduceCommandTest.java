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
package io.switchboard.cli.produce;

import io.switchboard.cli.Run;
import io.switchboard.memory.MemoryBroker;
import io.switchboard.memory.StoredMessage;
import io.switchboard.tck.kafka.KafkaFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code switchboard produce}, run in-process on the memory binding and on an embedded Kafka. */
class ProduceCommandTest {
    private static KafkaFixture kafka;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaFixture.embedded();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void keyedLinesFromStandardInputArePrintedAsReceiptsWithASummary() {
        String topic = unique("orders");
        Run run = produce("k1:hello\nk2:world\n", Map.of(), "--url", "memory://produce-test", "-t", topic, "-K:",
                "--receipts", "-H", "source=shell");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).hasSize(2).allMatch(l -> l.matches("line \\d: " + topic + " partition \\d+ offset \\d+.*"));
        assertThat(run.err()).contains("sent 2, acknowledged 2");
        List<StoredMessage> stored = MemoryBroker.named("produce-test").messages(topic);
        assertThat(stored).extracting(StoredMessage::key).containsExactly("k1", "k2");
        assertThat(stored).extracting(StoredMessage::valueAsString).containsExactly("hello", "world");
        assertThat(stored).allSatisfy(m -> assertThat(m.headers()).containsEntry("source", "shell"));
    }

    @Test
    void onAnEmbeddedKafkaTheReceiptsHavePartitionsAndOffsets() {
        String topic = unique("kafka-orders");
        kafka.createDestination(topic, 3);
        String bootstrap = kafka.producerProperties().get("kafka.bootstrap.servers");
        Run run = produce("{\"key\":\"k1\",\"value\":\"hello\",\"headers\":{\"h\":\"1\"}}\n{\"key\":\"k2\",\"value\":{\"n\":2}}\n",
                Map.of(), "--url", "kafka://" + bootstrap, "-t", topic, "--format", "json", "--receipts");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).hasSize(2)
                .allMatch(l -> l.contains("\"destination\":\"" + topic + "\"") && l.contains("\"partition\":")
                        && l.contains("\"offset\":"));
    }

    @Test
    void settingsComeFromTheFileTheUrlTheEnvironmentAndXInThatOrder(@TempDir Path dir) throws Exception {
        String topic = unique("precedence");
        Path file = Files.writeString(dir.resolve("producer.properties"),
                "switchboard.binding=memory\nmemory.broker=from-file\nswitchboard.client-id=from-file\n");
        Run run = produce("one\n", Map.of("SWITCHBOARD_MEMORY_BROKER", "from-environment"), "--config", file.toString(),
                "-X", "switchboard.client-id=from-x", "-t", topic);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(MemoryBroker.named("from-environment").messages(topic)).hasSize(1);
        assertThat(MemoryBroker.named("from-file").messages(topic)).isEmpty();
    }

    @Test
    void aLineThatCannotBeReadIsNamedAndStopsTheRestButWhatWasAcceptedIsDelivered() {
        String topic = unique("stop");
        Run run = produce("a:1\nno delimiter\nc:3\n", Map.of(), "--url", "memory://produce-test", "-t", topic, "-K:");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("input line 2 has no key delimiter ':'", "stopping");
        assertThat(MemoryBroker.named("produce-test").messages(topic)).extracting(StoredMessage::valueAsString)
                .containsExactly("1");
    }

    @Test
    void withOnErrorSkipTheRestIsStillSentAndTheExitSaysNotEverythingWent() {
        String topic = unique("skip");
        Run run = produce("a:1\nno delimiter\nc:3\n", Map.of(), "--url", "memory://produce-test", "-t", topic, "-K:",
                "--on-error", "skip");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("input line 2", "skipped", "unparsed lines 1");
        assertThat(MemoryBroker.named("produce-test").messages(topic)).extracting(StoredMessage::valueAsString)
                .containsExactly("1", "3");
    }

    @Test
    void anUnknownBindingIsOneLineNamingTheBindingsThereAre() {
        Run run = produce("x\n", Map.of(), "--url", "rabbit://localhost", "-t", "orders");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).contains("rabbit", "memory", "kafka", "pulsar", "jms").doesNotContain("\tat ");
    }

    @Test
    void aBadSettingIsOneLineWithTheKeyMeant() {
        Run run = produce("x\n", Map.of(), "--url", "memory://", "-X", "switchboard.delivery-timout=5s", "-t", "orders");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("switchboard.delivery-timout", "switchboard.delivery-timeout");
        assertThat(run.err().lines().toList()).hasSize(1);
    }

    @Test
    void anUnreachableBrokerFailsTheSendsWithinTheDeliveryTimeoutAndExitsOne() {
        Run run = produce("x\n", Map.of(), "--url", "kafka://127.0.0.1:1?switchboard.delivery-timeout=2s", "-t", "orders");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("line 1: failed", "acknowledged 0");
    }

    @Test
    void theProgressBarIsDrawnWhenAskedForAndNotWithoutATerminal(@TempDir Path dir) throws Exception {
        Path lines = Files.writeString(dir.resolve("lines.txt"), "v\n".repeat(500));
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        Run on = Run.of(line -> ((ProduceCommand) line.getSubcommands().get("produce").getCommand()).progressStream =
                new PrintStream(drawn, true, StandardCharsets.UTF_8), "produce", "--url", "memory://produce-test", "-t",
                unique("bar"), "--file", lines.toString(), "--progress", "on");
        Run off = Run.of("produce", "--url", "memory://produce-test", "-t", unique("bar"), "--file", lines.toString());

        assertThat(on.status()).isZero();
        assertThat(drawn.toString(StandardCharsets.UTF_8)).contains("sent", "500/500", "msg/s");
        assertThat(off.status()).isZero();
        assertThat(off.err()).doesNotContain("500/500").contains("sent 500, acknowledged 500");
    }

    private static Run produce(String input, Map<String, String> environment, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "produce";
        System.arraycopy(args, 0, all, 1, args.length);
        return Run.of(line -> setUp(line, input, environment), all);
    }

    private static void setUp(CommandLine line, String input, Map<String, String> environment) {
        ProduceCommand produce = (ProduceCommand) line.getSubcommands().get("produce").getCommand();
        produce.input = Run.input(input);
        produce.environment = environment;
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
