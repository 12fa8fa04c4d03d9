package io.switchboard;

/**
 * What {@link Producer#close(java.time.Duration)} did.
 *
 * @param abandoned how many accepted messages were still unacknowledged when the close's time ran out and were
 *                  therefore failed ({@link Reason#OUTCOME_UNKNOWN} or {@link Reason#CLOSED})
 */
public record CloseResult(long abandoned) {
    /** Validates the count. */
    public CloseResult {
        if (abandoned < 0) {
            throw new IllegalArgumentException("abandoned must be 0 or more, was " + abandoned);
        }
    }

    /** Whether every accepted message was finished before the producer closed. */
    public boolean isClean() {
        return abandoned == 0;
    }
}
