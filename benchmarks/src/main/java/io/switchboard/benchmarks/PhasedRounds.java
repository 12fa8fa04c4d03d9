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

import java.util.ArrayList;
import java.util.List;

/**
 * The measurements of a pipelined side-by-side main (Kafka, Pulsar) for each value size: warm-up and alternating
 * pipelined rounds (throughput, CPU), then the same rounds at each fixed rate ({@link RatePhase}: a percentage of
 * the native client's median throughput just measured), every measured run kept, written to the results file, and
 * reported as per-round ratios against the native client.
 *
 * @param <K> the kind of client
 * @param <R> a measured run
 */
final class PhasedRounds<K, R extends PhasedRounds.Measured> {
    /** What a measured run tells the rounds, the ratios and the results file. */
    interface Measured extends RoundRatios.Measured, AlternatingRounds.Outcome {
        String client();

        int size();

        String mode();

        int round();

        RunFigures figures();

        default int messages() {
            return figures().messages();
        }

        default int errors() {
            return figures().errors();
        }

        default double load() {
            return figures().load();
        }

        @Override
        default double perSecond() {
            return figures().perSecond();
        }

        @Override
        default double p50Ms() {
            return figures().p50Ms();
        }

        @Override
        default double p99Ms() {
            return figures().p99Ms();
        }

        @Override
        default double p999Ms() {
            return figures().p999Ms();
        }

        @Override
        default double cpuMicrosPerMessage() {
            return figures().cpuMicrosPerMessage();
        }
    }

    /** The shape of the rounds: counts, sizes and rates. */
    record Plan(int keys, int warmup, int rounds, int messages, int[] rates, int rateSeconds) {
    }

    private final String binding;
    private final String nativeClient;
    private final List<K> kinds;
    private final Plan plan;
    private final ResultsFile file;
    private final List<R> results = new ArrayList<>();
    private RatePhase phase = RatePhase.PIPELINED;

    /**
     * @param nativeClient the native client's label, whose throughput sets the rates
     * @param kinds        the clients of each round, in order
     */
    PhasedRounds(String binding, String nativeClient, List<K> kinds, Plan plan, String resultsFile) {
        this.binding = binding;
        this.nativeClient = nativeClient;
        this.kinds = List.copyOf(kinds);
        this.plan = plan;
        this.file = ResultsFile.open(resultsFile);
    }

    /** How the run being measured sends. */
    RatePhase phase() {
        return phase;
    }

    List<R> results() {
        return results;
    }

    /** Every phase of one size. */
    void measure(int size, String header, AlternatingRounds.Run<K, R> run) throws Exception {
        phase = RatePhase.PIPELINED;
        AlternatingRounds.measure(size, kinds, plan.keys, plan.warmup, plan.rounds, plan.messages, header, run, this::keep);
        double nativeRate = RoundRatios.median(results.stream().filter(r -> r.size() == size
                && r.client().equals(nativeClient) && r.mode().equals(RatePhase.PIPELINED.mode()))
                .map(r -> new double[]{r.perSecond()}).toList(), 0);
        for (RatePhase rate : RatePhase.of(nativeRate, plan.rates)) {
            phase = rate;
            AlternatingRounds.rounds(size, kinds, AlternatingRounds.keys(plan.keys), AlternatingRounds.value(size),
                    plan.rounds, rate.messages(plan.rateSeconds), " at " + rate, run, this::keep);
        }
    }

    private void keep(R result) {
        results.add(result);
        ResultsFile.add(file, new ResultsFile.Row(binding, binding, result.size(), result.mode(), result.round(),
                result.client(), result.messages(), result.perSecond(), result.p50Ms(), result.p99Ms(), result.p999Ms(),
                result.cpuMicrosPerMessage(), result.errors(), result.load()));
    }

    /** Per mode, the per-round ratios of {@code client} against the native client, and their medians. */
    void printRatios(String client, int[] sizes, String what) {
        for (String mode : results.stream().map(Measured::mode).distinct().toList()) {
            System.out.println();
            System.out.println("=== " + mode + ": " + what + " (throughput: higher is better; latency, cpu: lower is better) ===");
            RoundRatios.printHeader();
            for (int size : sizes) {
                List<double[]> ratios = new ArrayList<>();
                for (int round = 1; round <= plan.rounds; round++) {
                    ratios.add(RoundRatios.of(find(client, size, mode, round), find(nativeClient, size, mode, round)));
                }
                RoundRatios.printRounds(size, ratios);
            }
        }
    }

    private R find(String client, int size, String mode, int round) {
        return results.stream().filter(r -> r.client().equals(client) && r.size() == size && r.mode().equals(mode)
                && r.round() == round).findFirst().orElseThrow();
    }
}
