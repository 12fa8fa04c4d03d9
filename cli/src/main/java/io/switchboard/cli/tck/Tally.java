package io.switchboard.cli.tck;

import java.util.List;
import java.util.Locale;

/** How many cases passed, failed and were skipped. */
record Tally(long passed, long failed, long skipped) {

    static Tally of(List<CaseResult> results) {
        return new Tally(count(results, CaseResult.Status.PASSED), count(results, CaseResult.Status.FAILED),
                count(results, CaseResult.Status.SKIPPED));
    }

    String summary() {
        return String.format(Locale.ROOT, "%d passed, %d failed, %d skipped of %d", passed, failed, skipped,
                passed + failed + skipped);
    }

    private static long count(List<CaseResult> results, CaseResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
