package io.switchboard;

/**
 * What {@link Producer#flush(java.time.Duration)} found.
 *
 * @param unfinished how many messages accepted before the flush were neither acknowledged nor failed when
 *                   the flush's time ran out
 */
public record FlushResult(long unfinished) {
    /** Validates the count. */
    public FlushResult {
        if (unfinished < 0) {
            throw new IllegalArgumentException("unfinished must be 0 or more, was " + unfinished);
        }
    }

    /** Whether every message accepted before the flush was finished in time. */
    public boolean isComplete() {
        return unfinished == 0;
    }
}
