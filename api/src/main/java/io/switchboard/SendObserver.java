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
 * Follows one send from start to outcome; returned by {@link SendInterceptor#onSend}. Exactly one of
 * {@link #onAcknowledged} and {@link #onFailed} is called, on whichever thread finished the send.
 */
public interface SendObserver {

    /** An observer that adds nothing and ignores the outcome. */
    SendObserver NONE = new SendObserver() {
    };

    /** Headers to add to the message (e.g. W3C {@code traceparent}); a name the message already has is kept as is. */
    default Headers headers() {
        return Headers.empty();
    }

    /** The broker acknowledged the message. */
    default void onAcknowledged(Receipt receipt) {
    }

    /** The send failed. */
    default void onFailed(MessagingException error) {
    }

    /**
     * The producer tries the send again ({@code switchboard.retry.max-attempts} above 1), after {@code cause}, a
     * failure known not written. Called before the next attempt; the outcome still comes once, at the end.
     *
     * @param attempt the attempt about to start, 2 for the first retry
     */
    default void onRetry(int attempt, MessagingException cause) {
    }

    /**
     * The send finally failed and a copy goes to the dead-letter destination ({@code switchboard.dead-letter});
     * called just before {@link #onFailed}.
     */
    default void onDeadLettered(Destination deadLetter) {
    }
}
