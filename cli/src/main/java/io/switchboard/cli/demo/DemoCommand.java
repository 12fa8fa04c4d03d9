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

import io.switchboard.Destination;
import io.switchboard.Producer;
import io.switchboard.ProducerBuilder;
import io.switchboard.Serializers;
import io.switchboard.cli.brokers.EmbeddedFixtures;
import io.switchboard.spi.BindingConfig;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.FixtureProducers;
import io.switchboard.tck.MemoryFixture;
import io.switchboard.tck.ProbedMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * A small application on the neutral API ({@link OrdersApplication}): keyed orders with headers, sent to the
 * memory binding or to a real broker started embedded, then read back with that broker's own client. Only the
 * configuration differs between bindings.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Send keyed messages with headers through the neutral API and show the receipts and what arrived.",
                "With --binding kafka, pulsar or jms the broker is started embedded and read back with its own client."})
public final class DemoCommand implements Callable<Integer> {
    static final String TOPIC = "orders";
    static final String MEMORY_BROKER = "demo";
    private static final Duration READ_BACK = Duration.ofSeconds(30);

    @Option(names = "--binding", defaultValue = "memory", paramLabel = "NAME",
            description = "memory, kafka, pulsar, jms (Artemis), jms-classic (ActiveMQ Classic) or all (default ${DEFAULT-VALUE}).")
    String binding;

    @Option(names = "--messages", defaultValue = "12", description = "How many messages to send (default ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of the demo topic (default ${DEFAULT-VALUE}).")
    int partitions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (messages < 1 || partitions < 1) {
            throw new ParameterException(spec.commandLine(), "--messages and --partitions must be 1 or more");
        }
        List<String> bindings = binding.equals("all") ? List.of("memory", "kafka", "pulsar", "jms") : List.of(binding);
        if (!binding.equals("all") && !EmbeddedFixtures.BINDINGS.contains(binding)) {
            throw new ParameterException(spec.commandLine(), "--binding " + binding + " is not one the demo has; use one of "
                    + EmbeddedFixtures.BINDINGS + " or all");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<DemoRun> runs = new ArrayList<>();
        for (String name : bindings) {
            runs.add(runOne(name, out));
        }
        if (runs.size() > 1) {
            DemoTables.summary(out, runs);
        }
        out.flush();
        return runs.stream().allMatch(DemoRun::perKeyOrderKept) ? 0 : 1;
    }

    private DemoRun runOne(String name, PrintWriter out) throws Exception {
        BindingFixture fixture = EmbeddedFixtures.start(name, MEMORY_BROKER, out, System.console() != null).orElseThrow();
        try {
            if (fixture instanceof MemoryFixture memory) {
                memory.broker().reset();
            }
            Destination orders = fixture.createDestination(TOPIC, partitions);
            Map<String, String> configuration = fixture.producerProperties();
            out.printf("Switchboard demo: %d messages to topic '%s' (%d partitions) on the %s binding%n", messages,
                    TOPIC, partitions, configuration.get("switchboard.binding"));
            out.println("configuration: " + shown(configuration));
            out.println();
            long start = System.nanoTime();
            List<OrdersApplication.Sent> sent;
            try (Producer<String> producer = builder(fixture).build()) {
                sent = OrdersApplication.sendOrders(producer, orders, messages);
            }
            List<ProbedMessage> read = fixture.probe().read(orders, messages, READ_BACK);
            DemoRun run = new DemoRun(name, sent, read, Duration.ofNanos(System.nanoTime() - start));
            DemoTables.receipts(out, run);
            out.println();
            DemoTables.arrived(out, run, EmbeddedFixtures.nativeClient(name));
            out.println();
            out.flush();
            return run;
        } finally {
            if (fixture instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    /** The application's configuration: the fixture's keys (only these differ per binding) and a client id. */
    private static ProducerBuilder<String> builder(BindingFixture fixture) {
        return FixtureProducers.builder(fixture, Serializers.string()).property("switchboard.client-id", "demo");
    }

    /** The configuration as it may be printed: secrets masked. */
    private static String shown(Map<String, String> configuration) {
        return BindingConfig.redacted(configuration).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
