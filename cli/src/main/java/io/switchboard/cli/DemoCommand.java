package io.switchboard.cli;

import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.Receipt;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import io.switchboard.memory.MemoryBroker;
import io.switchboard.memory.StoredMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * A small application on the neutral API: sends keyed orders with headers to an in-JVM broker and shows the
 * receipts and what the broker holds per partition (each customer's orders together, in order).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Send keyed messages with headers through the neutral API and show the receipts and the broker's partitions.")
final class DemoCommand implements Callable<Integer> {
    private static final String TOPIC = "orders";
    private static final List<String> CUSTOMERS = List.of("customer-7", "customer-42", "customer-8", "customer-1234");

    @Option(names = "--messages", defaultValue = "12", description = "How many messages to send (default ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of the demo topic (default ${DEFAULT-VALUE}).")
    int partitions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MemoryBroker broker = MemoryBroker.named("demo");
        broker.reset();
        broker.createTopic(TOPIC, partitions);
        out.printf("Switchboard demo: %d messages to topic '%s' (%d partitions) on the memory binding%n%n", messages,
                TOPIC, partitions);

        List<Message<String>> sent = new ArrayList<>();
        List<Receipt> receipts;
        try (Producer<String> producer = Switchboard.builder(Serializers.string()).url("memory://demo")
                .property("switchboard.client-id", "demo").build()) {
            List<CompletableFuture<Receipt>> futures = new ArrayList<>();
            for (int i = 1; i <= messages; i++) {
                String customer = CUSTOMERS.get(i % CUSTOMERS.size());
                Message<String> message = Message.to(TOPIC).key(customer).header("source", i % 2 == 0 ? "web" : "mobile")
                        .header("order-id", "o-" + i).value("order " + i + " for " + customer);
                sent.add(message);
                futures.add(producer.sendAsync(message));
            }
            producer.flush(Duration.ofSeconds(5));
            receipts = futures.stream().map(CompletableFuture::join).toList();
        }

        Table receiptTable = new Table("#", "key", "headers", "partition", "offset", "message id");
        for (int i = 0; i < sent.size(); i++) {
            Message<String> m = sent.get(i);
            Receipt r = receipts.get(i);
            receiptTable.row(String.valueOf(i + 1), m.key(), headers(m.headers().asMap()),
                    String.valueOf(r.partition().orElse(-1)), String.valueOf(r.offset().orElse(-1)), r.messageId().orElse(""));
        }
        out.println("Receipts");
        receiptTable.print(out);

        out.println();
        out.println("What the broker holds, per partition (each key stays on one partition, in send order)");
        Table brokerTable = new Table("partition", "offset", "key", "value");
        for (int p = 0; p < partitions; p++) {
            for (StoredMessage stored : broker.partition(TOPIC, p)) {
                brokerTable.row(String.valueOf(p), String.valueOf(stored.offset()), stored.key(), stored.valueAsString());
            }
        }
        brokerTable.print(out);
        out.flush();
        return 0;
    }

    private static String headers(Map<String, String> headers) {
        return headers.entrySet().stream().filter(e -> !e.getKey().equals("content-type"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
