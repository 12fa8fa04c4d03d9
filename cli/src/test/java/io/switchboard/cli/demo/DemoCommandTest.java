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
package io.switchboard.cli.demo;

import io.switchboard.cli.Run;
import io.switchboard.memory.MemoryBroker;
import io.switchboard.memory.StoredMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code switchboard demo}, in-process: the memory binding as always, and the same application on every broker. */
class DemoCommandTest {

    @Test
    void demoSendsEveryMessageAndKeepsEachKeyOnOnePartitionInOrder() {
        Run run = Run.of("demo", "--messages", "20", "--partitions", "3");

        assertThat(run.status()).as(run.err()).isZero();
        List<StoredMessage> stored = MemoryBroker.named(DemoCommand.MEMORY_BROKER).messages(DemoCommand.TOPIC);
        assertThat(stored).hasSize(20);
        Map<String, List<StoredMessage>> byKey = stored.stream().collect(Collectors.groupingBy(StoredMessage::key));
        byKey.values().forEach(ofKey -> {
            assertThat(ofKey).extracting(StoredMessage::partition).containsOnly(ofKey.get(0).partition());
            assertThat(ofKey).extracting(StoredMessage::offset).isSorted();
        });
        assertThat(stored).allSatisfy(m -> assertThat(m.headers()).containsKeys("source", "order-id"));
        assertThat(run.out()).contains("Receipts", "What arrived, read back with the memory broker", "customer-42",
                "order 20 for customer-");
    }

    @Test
    void theSameApplicationRunsOnEveryBrokerAndEndsWithASideBySideTable() {
        Run run = Run.of("demo", "--binding", "all", "--messages", "8");

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("on the kafka binding", "on the pulsar binding", "on the jms binding",
                "read back with Kafka's own consumer", "read back with a Pulsar reader", "read back with a plain JMS queue browser",
                "The same application on every binding");
        String table = run.out().substring(run.out().indexOf("The same application on every binding"));
        for (String binding : List.of("memory", "kafka", "pulsar", "jms")) {
            assertThat(table.lines()).anyMatch(l -> l.startsWith(binding + " ") && l.contains("8 of 8") && l.contains("yes"));
        }
        assertThat(run.out()).as("no secret printed: passwords masked, no token (a JWT starts eyJ)")
                .doesNotContainPattern("password=(?!\\*\\*\\*\\*)").doesNotContain("eyJ");
    }

    @Test
    void anUnknownBindingIsAUsageError() {
        Run run = Run.of("demo", "--binding", "rabbit");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--binding rabbit", "kafka", "pulsar");
    }

    @Test
    void unknownCommandFailsWithUsage() {
        Run run = Run.of("demoo");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("demoo");
    }
}
