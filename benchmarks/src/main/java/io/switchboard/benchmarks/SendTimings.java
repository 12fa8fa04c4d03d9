package io.switchboard.benchmarks;

import java.util.Arrays;

/** The latency percentiles and the throughput of a run, from the nanosecond times its sends started and finished. */
final class SendTimings {
    private SendTimings() {
    }

    /** Messages per second from {@code begin} to the last completion. */
    static double perSecond(int messages, long begin, long[] finished) {
        long last = begin;
        for (long end : finished) {
            last = Math.max(last, end);
        }
        return messages / ((last - begin) / 1e9);
    }

    /** Each message's time from its start to its completion, in nanoseconds. */
    static long[] latencies(long[] started, long[] finished) {
        long[] latencies = new long[started.length];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = finished[i] - started[i];
        }
        return latencies;
    }

    /** The nearest-rank percentile of the messages' start-to-completion times, in ms. */
    static double latencyPercentileMs(long[] started, long[] finished, double fraction) {
        return percentileMs(latencies(started, finished), fraction);
    }

    /** The nearest-rank percentile ({@code fraction} 0.5 for p50, 1.0 for the maximum) of nanosecond values, in ms. */
    static double percentileMs(long[] nanos, double fraction) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
        return sorted[index] / 1e6;
    }
}
