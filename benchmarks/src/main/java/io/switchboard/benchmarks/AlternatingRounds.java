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
        byte[] value = value(size);
        String[] keys = keys(keyCount);
        System.out.printf(Locale.ROOT, "%n%s values: warm-up (%,d messages each, not reported)%n", SizeText.of(size), warmup);
        System.out.println(header);
        for (K kind : kinds) {
            System.out.println("  " + run.run(kind, size, 0, warmup, keys, value).line());
        }
        rounds(size, kinds, keys, value, rounds, messages, "", run, kept);
    }

    /** The value of every message of a size: one random array, the same in every run. */
    static byte[] value(int size) {
        byte[] value = new byte[size];
        new Random(size).nextBytes(value);
        return value;
    }

    /** The keys, {@code key-0 .. key-(n-1)}, sent in turn. */
    static String[] keys(int count) {
        String[] keys = new String[count];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "key-" + i;
        }
        return keys;
    }

    /** {@code rounds} rounds of every client in turn, without a warm-up (the clients are warm already). */
    static <K, R extends Outcome> void rounds(int size, List<K> kinds, String[] keys, byte[] value, int rounds,
                                              int messages, String what, Run<K, R> run, Consumer<R> kept) throws Exception {
        System.out.printf(Locale.ROOT, "%s values: %d rounds of %,d messages per client%s%n", SizeText.of(size), rounds,
                messages, what);
        for (int round = 1; round <= rounds; round++) {
            for (K kind : kinds) {
                R result = run.run(kind, size, round, messages, keys, value);
                kept.accept(result);
                System.out.println("  " + result.line());
            }
        }
    }
}
