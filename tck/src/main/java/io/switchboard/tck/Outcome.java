package io.switchboard.tck;

import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.Receipt;

/**
 * How one send of a case ended, once its future finished.
 *
 * @param value   the value the case sent (its identity in the probe's results)
 * @param receipt the receipt when the send was acknowledged, else null
 * @param error   the failure when it was not, else null
 */
record Outcome(String value, Receipt receipt, MessagingException error) {

    /** Whether the broker acknowledged the message. */
    boolean acknowledged() {
        return error == null;
    }

    /** The failure's reason, or null when acknowledged. */
    Reason reason() {
        return error == null ? null : error.reason();
    }

    /** Whether the send failed with a reason that promises the message was not written. */
    boolean knownNotWritten() {
        return error != null && !error.mayHaveBeenWritten();
    }
}
