package io.switchboard;

/**
 * What {@link Producer#close(java.time.Duration)} did.
 *
 * @param abandoned how many messages accepted before the close did not end acknowledged: failed by the close when its
 *                  time ran out ({@link Reason#OUTCOME_UNKNOWN} or {@link Reason#CLOSED}), or failed by the binding
 *                  while it closed
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
