package io.switchboard.core;

import io.switchboard.MessagingException;
import io.switchboard.Reason;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns whatever a backend failed with into the one exception type, never guessing "not written". */
final class Failures {
    private Failures() {
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * The failure as a {@link MessagingException}. Anything else a backend fails with is a binding defect, and
     * since nobody can say whether the record was written it is reported as {@link Reason#OUTCOME_UNKNOWN}.
     */
    static MessagingException of(Throwable e, String binding) {
        Throwable cause = unwrap(e);
        if (cause instanceof MessagingException me) {
            return me;
        }
        return new MessagingException(Reason.OUTCOME_UNKNOWN, "the " + binding + " binding failed with " + cause
                + " instead of a MessagingException; the message may have been written", cause);
    }
}
