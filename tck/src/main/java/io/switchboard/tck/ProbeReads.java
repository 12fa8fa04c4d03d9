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
package io.switchboard.tck;

import io.switchboard.Destination;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The kit's ways of reading with the fixture's {@link NativeProbe}: wait for what should be there, read up to a
 * sentinel (to prove something else is not there without waiting out a timeout), and group what was read.
 */
final class ProbeReads {
    private final NativeProbe probe;
    private final Duration patience;

    ProbeReads(NativeProbe probe, Duration patience) {
        this.probe = probe;
        this.patience = patience;
    }

    /**
     * Reads until {@code expected} messages are there (or the patience runs out) and requires at least that many.
     *
     * @throws AssertionError saying how many were found
     */
    List<ProbedMessage> atLeast(Destination destination, int expected) {
        List<ProbedMessage> read = probe.read(destination, expected, patience);
        if (read.size() < expected) {
            throw new AssertionError("the native probe found " + read.size() + " of " + expected + " messages in "
                    + destination + " within " + patience + "; values found: " + SentBatch.abbreviate(values(read)));
        }
        return read;
    }

    /** Reads what is there after waiting at most {@code wait} for {@code expected} messages, without requiring them. */
    List<ProbedMessage> whatIsThere(Destination destination, int expected, Duration wait) {
        return probe.read(destination, expected, wait);
    }

    /**
     * Reads until a message with the value {@code sentinel} is among those read. On a destination of one partition
     * (or a queue), everything written before the sentinel is then in the result.
     *
     * @throws AssertionError when the sentinel does not appear within the patience
     */
    List<ProbedMessage> through(Destination destination, String sentinel) {
        return until(destination, read -> values(read).contains(sentinel), "the sentinel '" + sentinel + "'");
    }

    /**
     * Reads, asking for one more message each time, until {@code done} holds for what was read.
     *
     * @throws AssertionError when it does not hold within the patience
     */
    List<ProbedMessage> until(Destination destination, Predicate<List<ProbedMessage>> done, String what) {
        long deadline = System.nanoTime() + patience.toNanos();
        int want = 1;
        while (true) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            List<ProbedMessage> read = probe.read(destination, want, left);
            if (done.test(read)) {
                return read;
            }
            if (left.isZero() || System.nanoTime() - deadline >= 0) {
                throw new AssertionError("the native probe did not find " + what + " in " + destination + " within "
                        + patience + "; values found: " + SentBatch.abbreviate(values(read)));
            }
            want = Math.max(want, read.size()) + 1;
        }
    }

    /** The values as UTF-8 text, in the order read. */
    static List<String> values(List<ProbedMessage> messages) {
        List<String> out = new ArrayList<>(messages.size());
        messages.forEach(m -> out.add(m.valueAsString()));
        return out;
    }

    /** The messages by value (the kit's values are unique within a case). */
    static Map<String, ProbedMessage> byValue(List<ProbedMessage> messages) {
        Map<String, ProbedMessage> out = new LinkedHashMap<>();
        messages.forEach(m -> out.putIfAbsent(m.valueAsString(), m));
        return out;
    }

    /** The values of each key, in the order read (which is broker order within a partition). */
    static Map<String, List<String>> valuesByKey(List<ProbedMessage> messages) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        messages.forEach(m -> out.computeIfAbsent(String.valueOf(m.key()), k -> new ArrayList<>()).add(m.valueAsString()));
        return out;
    }
}
