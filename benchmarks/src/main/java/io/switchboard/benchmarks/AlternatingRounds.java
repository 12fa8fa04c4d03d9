package io.switchboard.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The order a side-by-side benchmark measures one value size in: one warm-up run per client (printed, not kept),
 * then rounds that alternate the clients, so that a machine that speeds up or slows down during the run affects
 * them alike. The values are one random array per size; the keys {@code key-0 .. key-(n-1)}.
 */
final class AlternatingRounds {

    /** A run's printable outcome. */
    interface Outcome {
        String line();
    }

    /** One measured run of one client. */
    interface Run<K, R extends Outcome> {
        R run(K kind, int size, int round, int messages, String[] keys, byte[] value) throws Exception;
    }

    private AlternatingRounds() {
    }

    /**
     * Warms up each client, then runs {@code rounds} rounds of every client in turn; every measured outcome goes
     * to {@code kept}.
     */
    static <K, R extends Outcome> void measure(int size, List<K> kinds, int keyCount, int warmup, int rounds,
                                               int messages, String header, Run<K, R> run, Consumer<R> kept) throws Exception {
        byte[] value = new byte[size];
        new Random(size).nextBytes(value);
        String[] keys = new String[keyCount];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "key-" + i;
        }
        System.out.printf(Locale.ROOT, "%n%s values: warm-up (%,d messages each, not reported)%n", SizeText.of(size), warmup);
        System.out.println(header);
        for (K kind : kinds) {
            System.out.println("  " + run.run(kind, size, 0, warmup, keys, value).line());
        }
        System.out.printf(Locale.ROOT, "%s values: %d rounds of %,d messages per client%n", SizeText.of(size), rounds, messages);
        for (int round = 1; round <= rounds; round++) {
            for (K kind : kinds) {
                R result = run.run(kind, size, round, messages, keys, value);
                kept.accept(result);
                System.out.println("  " + result.line());
            }
        }
    }
}
