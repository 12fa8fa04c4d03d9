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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Every figure of the project's performance claims, in one run ({@code ./switchboard bench}): the core producer's own
 * cost (JMH), then the Kafka, Pulsar and JMS side-by-side runs against the native clients, each broker in a JVM of its
 * own; then the report ({@code README.md}) and the chart ({@code ratios.png}) in the output directory, with every
 * run's figures ({@code *.tsv}) and output ({@code logs/}). Progress goes to the console as it happens.
 *
 * <pre>
 * ./switchboard bench [--quick true] [--only core,kafka,pulsar,jms] [--out benchmarks/results]
 * </pre>
 *
 * {@code --quick true}: one short round of each, to try the suite (a minute or two); its figures mean little.
 */
public final class BenchSuite {
    private static final Set<String> PARTS = Set.of("core", "kafka", "pulsar", "jms");
    /** The hard bound of each side-by-side main; the whole suite is meant to take at most about 15 minutes. */
    private static final int STAGE_MAX_MINUTES = 8;

    private BenchSuite() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("switchboard bench: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        OptionParser given = OptionParser.parse(args, "BenchSuite", Set.of("quick", "only", "out"));
        boolean quick = given.flag("quick");
        Set<String> only = new LinkedHashSet<>(Arrays.asList(given.text("only", "core,kafka,pulsar,jms").split(",")));
        if (!PARTS.containsAll(only)) {
            throw new IllegalArgumentException("--only takes a comma-separated list of core, kafka, pulsar and jms,"
                    + " was '" + String.join(",", only) + "'");
        }
        Path out = Path.of(given.text("out", "benchmarks/results")).toAbsolutePath();
        Files.createDirectories(out);
        long start = System.nanoTime();
        double loadBefore = MachineLoad.oneMinute();
        SuiteStage.progress(start, "bench suite" + (quick ? " (quick: figures for trying only)" : "") + " into " + out
                + "; " + MachineLoad.cpus() + " CPUs, load " + loadBefore + ", Java " + Runtime.version());

        List<CoreCost.Figure> core = List.of();
        if (only.contains("core")) {
            SuiteStage.progress(start, "core: CoreCostBenchmark (JMH, forked JVM)");
            core = CoreCost.measure(quick);
            core.forEach(f -> SuiteStage.progress(start, "core: " + f));
        }
        List<SuiteStage> stages = stages(quick, only);
        List<ResultsFile.Row> rows = new ArrayList<>();
        for (SuiteStage stage : stages) {
            SuiteStage.progress(start, stage.name() + ": starting " + stage.mainClass().getSimpleName()
                    + " (its output: " + out.resolve("logs").resolve(stage.name() + ".txt") + ")");
            rows.addAll(ResultsFile.read(stage.run(out, start, STAGE_MAX_MINUTES)));
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        new SuiteReport(new SuiteRatios(rows)).write(out, core, stages, "./switchboard bench " + String.join(" ", args),
                seconds, loadBefore, MachineLoad.oneMinute());
        SuiteStage.progress(start, "done: " + out.resolve("README.md") + " and " + out.resolve("ratios.png"));
    }

    /** The side-by-side runs: the mains' own defaults, or one short round each with {@code quick}. */
    private static List<SuiteStage> stages(boolean quick, Set<String> only) {
        List<SuiteStage> stages = new ArrayList<>();
        if (only.contains("kafka")) {
            stages.add(new SuiteStage("kafka", KafkaSideBySide.class, quick
                    ? List.of("--messages", "100000", "--warmup", "200000", "--rounds", "1", "--sizes", "100", "--rate-seconds", "1")
                    : List.of("--rounds", "5", "--rates", "50,80", "--rate-seconds", "2")));
        }
        if (only.contains("pulsar")) {
            stages.add(new SuiteStage("pulsar", PulsarSideBySide.class, quick
                    ? List.of("--messages", "50000", "--warmup", "100000", "--rounds", "1", "--sizes", "100", "--rate-seconds", "1")
                    : List.of("--messages", "1000000", "--rounds", "5", "--rates", "50,80", "--rate-seconds", "2")));
        }
        if (only.contains("jms")) {
            stages.add(new SuiteStage("jms", JmsSideBySide.class, quick
                    ? List.of("--messages", "2000", "--warmup", "2000", "--rounds", "1", "--sizes", "100", "--broker", "artemis")
                    : List.of("--rounds", "5")));
        }
        return stages;
    }
}
