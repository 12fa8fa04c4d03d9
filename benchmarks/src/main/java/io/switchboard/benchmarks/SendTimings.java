package io.switchboard.benchmarks;


/** The throughput of a run, from the nanosecond times its sends started and finished (latencies: {@link Latencies}). */
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
}
