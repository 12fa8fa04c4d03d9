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
package io.switchboard.cli.brokers;

import io.switchboard.jms.JmsHeaderNames;
import io.switchboard.jms.JmsHeaderValues;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.MemoryFixture;
import io.switchboard.tck.jms.HeaderDecoding;
import io.switchboard.tck.jms.JmsFixture;
import io.switchboard.tck.kafka.KafkaFixture;
import io.switchboard.tck.pulsar.PulsarFixture;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The project's embedded brokers, each behind its binding's compatibility-kit fixture, which already knows how to
 * configure a producer for it, create destinations and read them back with the broker's own client. The demo and
 * {@code switchboard tck} start them through here.
 */
public final class EmbeddedFixtures {
    /** The bindings this command can start a broker for, in the order {@code --binding all} runs them. */
    public static final List<String> BINDINGS = List.of("memory", "kafka", "pulsar", "jms", "jms-classic");
    /** How the JMS binding writes header names and values as JMS properties, for the probe to read them back. */
    public static final HeaderDecoding JMS_HEADERS = HeaderDecoding.of(JmsHeaderNames::decode, JmsHeaderValues::decode);

    private EmbeddedFixtures() {
    }

    /**
     * Starts {@code binding}'s embedded broker and returns its fixture, showing progress meanwhile; empty for a
     * name this command has no broker for. The caller closes the fixture (it stops the broker).
     *
     * @param memoryBroker the in-JVM broker's name, for {@code memory}
     */
    public static Optional<BindingFixture> start(String binding, String memoryBroker, PrintWriter out, boolean live) {
        return switch (binding) {
            case "memory" -> Optional.of(MemoryFixture.memoryBinding(memoryBroker));
            case "kafka" -> Optional.of(started(out, live, "an embedded Kafka broker", KafkaFixture::embedded));
            case "pulsar" -> Optional.of(started(out, live, "an embedded Pulsar broker", PulsarFixture::embedded));
            case "jms" -> Optional.of(started(out, live, "an embedded Artemis broker",
                    () -> JmsFixture.embeddedArtemis(JMS_HEADERS)));
            case "jms-classic" -> Optional.of(started(out, live, "an embedded ActiveMQ Classic broker",
                    () -> JmsFixture.embeddedClassic(JMS_HEADERS)));
            default -> Optional.empty();
        };
    }

    /** Where the broker's own client of {@code binding} comes from, for headings. */
    public static String nativeClient(String binding) {
        return switch (binding) {
            case "kafka" -> "Kafka's own consumer";
            case "pulsar" -> "a Pulsar reader";
            case "jms", "jms-classic" -> "a plain JMS queue browser";
            default -> "the memory broker";
        };
    }

    private static BindingFixture started(PrintWriter out, boolean live, String what, Supplier<BindingFixture> start) {
        try (StartProgress progress = new StartProgress(out, what, live)) {
            return start.get();
        }
    }
}
