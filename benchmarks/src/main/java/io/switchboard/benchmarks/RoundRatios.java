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

import java.util.List;
import java.util.Locale;

/**
 * The per-round ratios of a client against the native one (throughput, p50, p99, CPU per message), printed one row
 * per round and a row of their medians.
 */
final class RoundRatios {
    /** What a measured run contributes to the ratios. */
    interface Measured {
        double perSecond();

        double p50Ms();

        double p99Ms();

        /** The 99.9th percentile, where the run measured it. */
        default double p999Ms() {
            return Double.NaN;
        }

        double cpuMicrosPerMessage();
    }

    private RoundRatios() {
    }

    /** {@code other / nativeRun} for throughput, p50, p99, CPU per message and p99.9, in that order. */
    static double[] of(Measured other, Measured nativeRun) {
        return new double[]{other.perSecond() / nativeRun.perSecond(), other.p50Ms() / nativeRun.p50Ms(),
                other.p99Ms() / nativeRun.p99Ms(), other.cpuMicrosPerMessage() / nativeRun.cpuMicrosPerMessage(),
                other.p999Ms() / nativeRun.p999Ms()};
    }

    static void printHeader() {
        System.out.printf(Locale.ROOT, "%-6s %-7s %10s %8s %8s %10s %8s%n", "size", "round", "msg/s", "p50", "p99",
                "cpu/msg", "p99.9");
    }

    /** One row per round (the first is round 1), then the row of medians. */
    static void printRounds(int size, List<double[]> ratios) {
        for (int round = 1; round <= ratios.size(); round++) {
            double[] ratio = ratios.get(round - 1);
            System.out.printf(Locale.ROOT, "%-6s %-7s %10.2f %8.2f %8.2f %10.2f %8.2f%n", SizeText.of(size), round, ratio[0],
                    ratio[1], ratio[2], ratio[3], ratio[4]);
        }
        System.out.printf(Locale.ROOT, "%-6s %-7s %10.2f %8.2f %8.2f %10.2f %8.2f%n", SizeText.of(size), "MEDIAN",
                median(ratios, 0), median(ratios, 1), median(ratios, 2), median(ratios, 3), median(ratios, 4));
    }

    /** The median of one column (the mean of the middle two for an even count). */
    static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(row -> row[column]).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
