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
package io.switchboard.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the bench suite's report, {@code README.md} next to the chart: the machine, versions and settings, the
 * ratio table the project's README copies, the core's own cost, what the JMS binding's pipelining buys, and every
 * measured run.
 */
final class SuiteReport {
    private static final Pattern VERSIONED_JAR = Pattern.compile(
            "(kafka-clients|kafka-server|kafka_2\\.13|pulsar-client-original|pulsar-broker|artemis-server|activemq-broker"
                    + "|jmh-core|jfreechart)-(\\d[^/]*?)\\.jar$");

    private final StringBuilder out = new StringBuilder();
    private final SuiteRatios ratios;

    SuiteReport(SuiteRatios ratios) {
        this.ratios = ratios;
    }

    /** Writes the report and draws the chart into {@code directory}. */
    void write(Path directory, List<CoreCost.Figure> core, List<SuiteStage> stages, String command, long seconds,
               double loadBefore, double loadAfter) throws IOException {
        line("# Switchboard next to the native clients: bench results");
        line();
        line("Written by `" + command + "` on " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " in "
                + seconds / 60 + " min " + seconds % 60 + " s. Ratios are Switchboard's figure over the native client's"
                + " in the same round (same JVM, same embedded broker, same settings); each is the median of the rounds'"
                + " ratios, with the lowest and highest round. Throughput: higher is better; CPU and latency: lower.");
        line();
        machine(loadBefore, loadAfter);
        settings(stages);
        summary(directory);
        coreCost(core);
        pipelining();
        everyRun();
        Files.writeString(directory.resolve("README.md"), out.toString(), StandardCharsets.UTF_8);
    }

    private void machine(double loadBefore, double loadAfter) {
        line("## Machine and versions");
        line();
        line("| | |");
        line("|---|---|");
        line("| CPUs | " + MachineLoad.cpus() + " |");
        line("| memory | " + memory() + " |");
        line("| OS | " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + " |");
        line("| Java | " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ", " + System.getProperty("java.vm.name") + ") |");
        line(String.format(Locale.ROOT, "| one-minute load | %.2f before, %.2f after (the benchmark itself keeps about 2 busy) |",
                loadBefore, loadAfter));
        versions().forEach((artifact, version) -> line("| " + artifact + " | " + version + " |"));
        line();
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: say so below
        }
        return "unknown";
    }

    /** The clients' and brokers' versions, from the jars on the class path the side-by-side mains run on. */
    private static Map<String, String> versions() {
        Map<String, String> versions = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Matcher matcher = VERSIONED_JAR.matcher(entry);
            if (matcher.find()) {
                versions.put(matcher.group(1), matcher.group(2));
            }
        }
        return versions;
    }

    private void settings(List<SuiteStage> stages) {
        line("## Settings");
        line();
        line("Every client has the neutral defaults (at-least-once, 30 s delivery timeout) and what each binding derives"
                + " from them; each side-by-side main checks before the clock that both clients run with the same"
                + " effective configuration (see [benchmarks/README.md](../README.md)). Options of each run:");
        line();
        for (SuiteStage stage : stages) {
            line("- " + stage.name() + ": `" + stage.mainClass().getSimpleName() + " " + String.join(" ", stage.arguments()) + "`");
        }
        line();
    }

    private void summary(Path directory) throws IOException {
        line("## Ratios");
        line();
        line("![throughput, CPU and p99 ratios per binding and size](ratios.png)");
        line();
        line("| binding (broker) | size | throughput | CPU per message | p99, pipelined | p50 / p99 / p99.9 at 50 % of native | at 80 % |");
        line("|---|---|---:|---:|---:|---:|---:|");
        RatioChart chart = new RatioChart();
        for (SuiteRatios.Group group : ratios.groups()) {
            if (!group.mode().equals(RatePhase.PIPELINED.mode())) {
                continue;
            }
            SuiteRatios.Ratio throughput = ratios.of(group, "switchboard", "native", ResultsFile.Row::perSecond);
            SuiteRatios.Ratio cpu = ratios.of(group, "switchboard", "native", ResultsFile.Row::cpuMicrosPerMessage);
            SuiteRatios.Ratio p99 = ratios.of(group, "switchboard", "native", ResultsFile.Row::p99Ms);
            SuiteRatios.Group at80 = ratios.inMode(group, "rate-80");
            line("| " + group.label() + " | " + SuiteRatios.sizeText(group.size()) + " | " + throughput.withRounds() + " | "
                    + cpu.text() + " | " + p99.text() + " | " + latencies(ratios.inMode(group, "rate-50")) + " | "
                    + latencies(at80) + " |");
            double chartP99 = at80 != null ? ratios.of(at80, "switchboard", "native", ResultsFile.Row::p99Ms).median() : p99.median();
            chart.add(group.label() + " " + SuiteRatios.sizeText(group.size()), throughput.median(), cpu.median(), chartP99);
        }
        line();
        line("p99 in the chart: at 80 % of the native client's throughput where measured (Kafka, Pulsar), otherwise"
                + " pipelined. Pipelined latency is from the send call and includes queueing behind the in-flight bound;"
                + " at a fixed rate it is from each message's due time, a schedule fixed in advance (coordinated omission"
                + " corrected). JMS is measured pipelined only: its native send is synchronous, so a native client at a"
                + " fixed rate would measure a thread pool of our choosing instead of the client.");
        line();
        chart.write(directory.resolve("ratios.png"), "median of the rounds; " + MachineLoad.cpus() + " CPUs, Java "
                + Runtime.version().feature());
    }

    private String latencies(SuiteRatios.Group group) {
        if (group == null) {
            return "–";
        }
        return ratios.of(group, "switchboard", "native", ResultsFile.Row::p50Ms).text() + " / "
                + ratios.of(group, "switchboard", "native", ResultsFile.Row::p99Ms).text() + " / "
                + ratios.of(group, "switchboard", "native", ResultsFile.Row::p999Ms).text();
    }

    private void coreCost(List<CoreCost.Figure> core) {
        line("## The core producer's own cost");
        line();
        line("`CoreCostBenchmark` (JMH, one fork, `-prof gc`): a producer on a backend that acknowledges every send at"
                + " once and allocates nothing, so what is measured is the core alone (validation, permits, deadline"
                + " bookkeeping, the future). `plain`: a value only; `keyed`: a key and two headers; the message is built"
                + " once, outside the measurement.");
        line();
        line("| benchmark | message | ns per send | bytes allocated per send |");
        line("|---|---|---:|---:|");
        for (CoreCost.Figure figure : core) {
            String error = Double.isNaN(figure.nanosError()) ? "" : String.format(Locale.ROOT, " ± %.1f", figure.nanosError());
            line(String.format(Locale.ROOT, "| %s | %s | %.1f%s | %.0f |", figure.benchmark(), figure.shape(),
                    figure.nanosPerSend(), error, figure.bytesPerSend()));
        }
        line();
    }

    private void pipelining() {
        List<SuiteRatios.Group> jms = ratios.groups().stream().filter(g -> ratios.has(g, "naive-sync")).toList();
        if (jms.isEmpty()) {
            return;
        }
        line("## What the JMS binding's pipelining buys");
        line();
        line("The naive client is what most JMS code does: one thread, one session, one persistent `send` at a time."
                + " The binding sends on `jms.sessions` lanes at the same guarantee (persistent, acknowledged).");
        line();
        line("| broker | size | naive msg/s | switchboard msg/s | switchboard / naive |");
        line("|---|---|---:|---:|---:|");
        for (SuiteRatios.Group group : jms) {
            line(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %s |", group.broker(),
                    SuiteRatios.sizeText(group.size()), ratios.median(group, "naive-sync", ResultsFile.Row::perSecond),
                    ratios.median(group, "switchboard", ResultsFile.Row::perSecond),
                    ratios.of(group, "switchboard", "naive-sync", ResultsFile.Row::perSecond).withRounds()));
        }
        line();
    }

    private void everyRun() {
        line("## Every measured run");
        line();
        line("| binding | broker | size | mode | round | client | messages | msg/s | p50 ms | p99 ms | p99.9 ms | CPU µs/msg | errors | load |");
        line("|---|---|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (ResultsFile.Row row : ratios.rows()) {
            line(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %s | %,d | %,.0f | %.2f | %.2f | %.2f | %.2f | %d | %.2f |",
                    row.binding(), row.broker(), SuiteRatios.sizeText(row.size()), row.mode(), row.round(), row.client(),
                    row.messages(), row.perSecond(), row.p50Ms(), row.p99Ms(), row.p999Ms(), row.cpuMicrosPerMessage(),
                    row.errors(), row.load()));
        }
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
