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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The order a side-by-side benchmark measures one value size in: warm-up runs that take turns between the clients
 * (printed, not kept), then rounds that alternate the clients, so that a machine that speeds up or slows down
 * during the run affects them alike. The values are one random array per size; the keys
 * {@code key-0 .. key-(n-1)}.
 *
 * <p>Two habits of the JIT compiler shape this order, since the clients share one JVM and much of one client
 * library (the Switchboard binding calls the same {@code KafkaProducer.send} as the native client, with other
 * callback and serializer types):
 * <ul>
 *   <li>The warm-up takes {@link #WARM_UP_TURNS} turns per client instead of one long run each, so that the
 *       shared code is compiled for both clients' types before the clock starts, rather than compiled for one
 *       and then thrown away and compiled again during the other's first measured round.</li>
 *   <li>Each round reverses the previous round's order (A B, B A, A B, ...), so that being the first client
 *       after a switch, which can cost a recompilation, falls on each client equally often.</li>
 * </ul>
 */
final class AlternatingRounds {
    /** How many warm-up runs each client gets, taking turns; the warm-up's messages are split between them. */
    static final int WARM_UP_TURNS = 3;

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
        int perTurn = Math.max(1, warmup / WARM_UP_TURNS);
        System.out.printf(Locale.ROOT, "%n%s values: warm-up (%,d messages each, in %d turns of %,d; not reported)%n",
                SizeText.of(size), perTurn * WARM_UP_TURNS, WARM_UP_TURNS, perTurn);
        System.out.println(header);
        for (int turn = 1; turn <= WARM_UP_TURNS; turn++) {
            for (K kind : inOrderOf(turn, kinds)) {
                System.out.println("  " + run.run(kind, size, 0, perTurn, keys, value).line());
            }
        }
        rounds(size, kinds, keys, value, rounds, messages, "", run, kept);
    }

    /** The clients in their order for round (or turn) {@code number}: as given in odd ones, reversed in even ones. */
    static <K> List<K> inOrderOf(int number, List<K> kinds) {
        if (number % 2 == 1) {
            return kinds;
        }
        List<K> reversed = new ArrayList<>(kinds);
        Collections.reverse(reversed);
        return reversed;
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
            for (K kind : inOrderOf(round, kinds)) {
                R result = run.run(kind, size, round, messages, keys, value);
                kept.accept(result);
                System.out.println("  " + result.line());
            }
        }
    }
}
