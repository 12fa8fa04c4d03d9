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
