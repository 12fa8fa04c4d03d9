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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The ratios the bench suite reports, from every measured run: for one binding, broker, size and mode, a client's
 * figure over the native client's in the same round, then the median of the rounds and their range.
 */
final class SuiteRatios {
    /** One ratio: the median of the rounds' ratios, and the lowest and highest. */
    record Ratio(double median, double low, double high, int rounds) {
        static final Ratio NONE = new Ratio(Double.NaN, Double.NaN, Double.NaN, 0);

        String text() {
            return Double.isNaN(median) ? "–" : String.format(Locale.ROOT, "%.2f", median);
        }

        String withRounds() {
            return Double.isNaN(median) ? "–"
                    : String.format(Locale.ROOT, "**%.2f** (%.2f–%.2f, %d rounds)", median, low, high, rounds);
        }
    }

    /** A group of runs compared round by round. */
    record Group(String binding, String broker, int size, String mode) {
        String label() {
            return binding.equals(broker) ? binding : binding + " (" + broker + ")";
        }
    }

    private final List<ResultsFile.Row> rows;

    SuiteRatios(List<ResultsFile.Row> rows) {
        this.rows = List.copyOf(rows);
    }

    List<ResultsFile.Row> rows() {
        return rows;
    }

    /** Every group, in the order the runs were measured. */
    List<Group> groups() {
        Set<Group> groups = new LinkedHashSet<>();
        for (ResultsFile.Row row : rows) {
            groups.add(new Group(row.binding(), row.broker(), row.size(), row.mode()));
        }
        return new ArrayList<>(groups);
    }

    /** {@code client}'s figure over {@code baseline}'s, round by round, in one group. */
    Ratio of(Group group, String client, String baseline, ToDoubleFunction<ResultsFile.Row> figure) {
        List<Double> ratios = new ArrayList<>();
        for (ResultsFile.Row row : inGroup(group, client)) {
            inGroup(group, baseline).stream().filter(other -> other.round() == row.round()).findFirst()
                    .ifPresent(other -> ratios.add(figure.applyAsDouble(row) / figure.applyAsDouble(other)));
        }
        if (ratios.isEmpty()) {
            return Ratio.NONE;
        }
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Ratio(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    /** The median of one client's figure in a group (msg/s, say). */
    double median(Group group, String client, ToDoubleFunction<ResultsFile.Row> figure) {
        double[] values = inGroup(group, client).stream().mapToDouble(figure).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** The group of the same binding, broker and size in another mode, if it was measured. */
    Group inMode(Group group, String mode) {
        Group other = new Group(group.binding(), group.broker(), group.size(), mode);
        return groups().contains(other) ? other : null;
    }

    boolean has(Group group, String client) {
        return !inGroup(group, client).isEmpty();
    }

    private List<ResultsFile.Row> inGroup(Group group, String client) {
        return rows.stream().filter(row -> row.binding().equals(group.binding()) && row.broker().equals(group.broker())
                && row.size() == group.size() && row.mode().equals(group.mode()) && row.client().equals(client)).toList();
    }

    static String sizeText(int size) {
        return SizeText.of(size);
    }

    static String[] modes(List<Group> groups) {
        return groups.stream().map(Group::mode).distinct().toArray(String[]::new);
    }

    static boolean isRate(String mode) {
        return mode.startsWith("rate-");
    }

    static String joined(String[] parts) {
        return String.join(", ", Arrays.asList(parts));
    }
}
