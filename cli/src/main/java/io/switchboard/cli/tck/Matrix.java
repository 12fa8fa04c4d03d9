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
