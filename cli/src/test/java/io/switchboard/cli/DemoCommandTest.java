package io.switchboard.cli;

import io.switchboard.memory.MemoryBroker;
import io.switchboard.memory.StoredMessage;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {

    @Test
    void demoSendsEveryMessageAndKeepsEachKeyOnOnePartitionInOrder() {
        StringWriter output = new StringWriter();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(new PrintWriter(output));
        int status = commandLine.execute("demo", "--messages", "20", "--partitions", "3");

        assertThat(status).isZero();
        List<StoredMessage> stored = MemoryBroker.named("demo").messages("orders");
        assertThat(stored).hasSize(20);
        Map<String, List<StoredMessage>> byKey = stored.stream().collect(Collectors.groupingBy(StoredMessage::key));
        byKey.values().forEach(ofKey -> {
            assertThat(ofKey).extracting(StoredMessage::partition).containsOnly(ofKey.get(0).partition());
            assertThat(ofKey).extracting(StoredMessage::offset).isSorted();
        });
        assertThat(stored).allSatisfy(m -> assertThat(m.headers()).containsKeys("source", "order-id"));
        assertThat(output.toString()).contains("Receipts", "What the broker holds, per partition", "customer-42",
                "order 20 for customer-");
    }

    @Test
    void unknownCommandFailsWithUsage() {
        StringWriter errors = new StringWriter();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setErr(new PrintWriter(errors));
        assertThat(commandLine.execute("demoo")).isNotZero();
        assertThat(errors.toString()).contains("demoo");
    }
}
