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

/**
 * Why a messaging operation failed. Every failure Switchboard reports carries exactly one reason, so a
 * caller can react without parsing messages or knowing the broker.
 *
 * <p>The reasons split failures into three outcomes a caller must be able to tell apart:
 * <ul>
 *   <li>the message was <em>not written</em> and sending it again is safe ({@link #TIMEOUT},
 *       {@link #UNAVAILABLE}, {@link #BUFFER_FULL}, {@link #CLOSED} and the input errors);</li>
 *   <li>the message <em>may have been written</em> ({@link #OUTCOME_UNKNOWN}): sending it again may
 *       duplicate it;</li>
 *   <li>the broker refused it for good ({@link #NOT_FOUND}, {@link #PERMISSION_DENIED},
 *       {@link #TOO_LARGE}, ...): sending it again unchanged will fail again.</li>
 * </ul>
 */
public enum Reason {
    /** The input is invalid: a bad message field, setting or argument. Fix the input. */
    INVALID_ARGUMENT(false),
    /** The destination does not exist and the broker will not create it. */
    NOT_FOUND(false),
    /** The broker did not accept the credentials. */
    UNAUTHENTICATED(false),
    /** The credentials are valid but not allowed to do this. */
    PERMISSION_DENIED(false),
    /** The message is larger than the producer or the broker accepts. */
    TOO_LARGE(false),
    /** The producer's buffer of unacknowledged messages is full; the message was not accepted. */
    BUFFER_FULL(true),
    /** The message was not written within the time allowed (known not written). */
    TIMEOUT(true),
    /** The broker could not be reached; the message was not written. */
    UNAVAILABLE(true),
    /** The message may or may not have been written: a request was sent and no answer came back. */
    OUTCOME_UNKNOWN(true),
    /** The producer is closed (or closed before the message was written). */
    CLOSED(false),
    /** The serializer failed to turn the value into bytes; nothing was sent. */
    SERIALIZATION(false),
    /** The binding does not offer the requested feature; nothing was sent. */
    UNSUPPORTED(false),
    /** A defect in Switchboard or a binding. */
    INTERNAL(false);

    private final boolean retryable;

    Reason(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether sending the same message again may succeed without changing anything. */
    public boolean isRetryable() {
        return retryable;
    }

    /** Whether the message may have reached the broker despite the failure ({@link #OUTCOME_UNKNOWN} only). */
    public boolean mayHaveBeenWritten() {
        return this == OUTCOME_UNKNOWN;
    }
}
