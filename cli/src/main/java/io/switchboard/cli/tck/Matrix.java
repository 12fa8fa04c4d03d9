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
package io.switchboard.cli.tck;

import io.switchboard.cli.Table;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The matrix printed at the end of a run: one row per case, grouped by part of the contract. */
final class Matrix {
    private static final int SENTENCE_WIDTH = 100;
    private static final int REASON_WIDTH = 120;

    private Matrix() {
    }

    static void print(PrintWriter out, List<CaseResult> results) {
        Table table = new Table("group", "case", "result", "time");
        String previous = null;
        for (CaseResult r : results) {
            String group = r.group().equals(previous) ? "" : r.group();
            previous = r.group();
            table.row(group, MatrixListener.abbreviated(r.sentence(), SENTENCE_WIDTH), r.status().label,
                    String.format(Locale.ROOT, "%.2fs", r.took().toMillis() / 1000.0));
        }
        out.println();
        table.print(out);
        List<CaseResult> notPassed = results.stream().filter(r -> r.status() != CaseResult.Status.PASSED).toList();
        if (!notPassed.isEmpty()) {
            out.println();
            out.println("why:");
            notPassed.forEach(r -> out.println("  " + r.status().label + " " + r.group() + ": " + r.sentence()
                    + "\n      " + MatrixListener.abbreviated(r.reason(), REASON_WIDTH)));
        }
    }
}
