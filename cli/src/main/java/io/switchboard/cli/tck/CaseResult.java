package io.switchboard.cli.tck;

import java.time.Duration;

/**
 * One case of a kit run as the report shows it.
 *
 * @param group    the part of the contract, as the kit names it
 * @param sentence the case's sentence (its display name)
 * @param status   passed, failed or skipped
 * @param reason   why it failed or was skipped; empty when it passed
 * @param took     how long it ran
 */
record CaseResult(String group, String sentence, Status status, String reason, Duration took) {

    /** How a case ended. */
    enum Status {
        PASSED("pass"), FAILED("FAIL"), SKIPPED("skipped");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }
}
