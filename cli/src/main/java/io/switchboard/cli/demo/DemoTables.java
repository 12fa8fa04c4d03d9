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

import io.switchboard.Message;
import io.switchboard.Receipt;
import io.switchboard.cli.Table;
import io.switchboard.tck.ProbedMessage;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The demo's tables: receipts, what arrived, and the side-by-side summary of {@code --binding all}. */
final class DemoTables {
    private DemoTables() {
    }

    static void receipts(PrintWriter out, DemoRun run) {
        Table table = new Table("#", "key", "headers", "partition", "offset", "message id");
        int i = 0;
        for (OrdersApplication.Sent sent : run.sent()) {
            Message<String> m = sent.message();
            Receipt r = sent.receipt();
            table.row(String.valueOf(++i), m.key(), headers(m.headers().asMap()), number(r.partition().orElse(-1)),
                    number(r.offset().orElse(-1)), r.messageId().orElse(""));
        }
        out.println("Receipts");
        table.print(out);
    }

    static void arrived(PrintWriter out, DemoRun run, String client) {
        Table table = new Table("partition", "offset", "key", "headers", "value");
        run.read().stream().sorted(Comparator.comparingInt(ProbedMessage::partition)
                        .thenComparingLong(ProbedMessage::position))
                .forEach(m -> table.row(number(m.partition()), number(m.position()), String.valueOf(m.key()),
                        headers(m.headers()), new String(m.value(), StandardCharsets.UTF_8)));
        out.println("What arrived, read back with " + client + " (each key stays on one partition, in send order)");
        table.print(out);
    }

    static void summary(PrintWriter out, List<DemoRun> runs) {
        Table table = new Table("binding", "messages", "partitions seen", "per-key order kept", "time");
        for (DemoRun run : runs) {
            table.row(run.binding(), run.read().size() + " of " + run.sent().size(), String.valueOf(run.partitionsSeen()),
                    run.perKeyOrderKept() ? "yes" : "NO", String.format(Locale.ROOT, "%.2f s", run.took().toMillis() / 1000.0));
        }
        out.println("The same application on every binding");
        table.print(out);
    }

    /** -1 (none: a queue has no partitions, a broker no offsets) as a dash. */
    private static String number(long n) {
        return n < 0 ? "-" : String.valueOf(n);
    }

    private static String headers(Map<String, String> headers) {
        return headers.entrySet().stream().filter(e -> !e.getKey().equals("content-type"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
