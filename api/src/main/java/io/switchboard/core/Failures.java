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
