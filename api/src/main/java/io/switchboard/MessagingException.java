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
package io.switchboard;

import java.util.Objects;

/**
 * The one exception Switchboard throws or completes futures with. It carries a {@link Reason}; when a
 * broker client caused it, the client's own exception is the {@linkplain #getCause() cause}.
 */
public class MessagingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final boolean retryable;

    /** A failure with the reason's default retryability. */
    public MessagingException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** A failure caused by {@code cause} (usually the broker client's exception). */
    public MessagingException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, Objects.requireNonNull(reason, "reason").isRetryable());
    }

    /** A failure whose retryability the binding knows better than the reason's default. */
    public MessagingException(Reason reason, String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryable = retryable;
    }

    /** Why the operation failed. */
    public Reason reason() {
        return reason;
    }

    /** Whether sending the same message again may succeed. */
    public boolean isRetryable() {
        return retryable;
    }

    /** Whether the message may have been written despite this failure (see {@link Reason#OUTCOME_UNKNOWN}). */
    public boolean mayHaveBeenWritten() {
        return reason.mayHaveBeenWritten();
    }

    @Override
    public String toString() {
        return "MessagingException[" + reason + "]: " + getMessage();
    }

    static MessagingException invalid(String message) {
        return new MessagingException(Reason.INVALID_ARGUMENT, message);
    }
}
