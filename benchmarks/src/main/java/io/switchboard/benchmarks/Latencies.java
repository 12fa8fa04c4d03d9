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

import org.HdrHistogram.Histogram;

/**
 * The latency distribution of one run, from each message's start (or scheduled) time to its completion, in an
 * HdrHistogram (three significant digits): percentiles without sorting a million values for each.
 */
final class Latencies {
    private final Histogram histogram = new Histogram(3);

    static Latencies of(long[] started, long[] finished) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < started.length; i++) {
            latencies.histogram.recordValue(Math.max(0, finished[i] - started[i]));
        }
        return latencies;
    }

    /** A percentile ({@code fraction} 0.5 for p50, 1.0 for the maximum), in ms. */
    double ms(double fraction) {
        return (fraction >= 1.0 ? histogram.getMaxValue() : histogram.getValueAtPercentile(fraction * 100)) / 1e6;
    }
}
