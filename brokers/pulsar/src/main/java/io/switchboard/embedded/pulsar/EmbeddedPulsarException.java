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
package io.switchboard.embedded.pulsar;

/**
 * Thrown when the embedded broker cannot do what was asked: start, stop, or create a topic.
 *
 * <p>The message says what failed; the cause, when there is one, is Pulsar's or BookKeeper's own exception.
 */
public class EmbeddedPulsarException extends RuntimeException {

    /**
     * Creates an exception with a message and the exception that caused it.
     *
     * @param message what failed
     * @param cause   the underlying exception, may be {@code null}
     */
    public EmbeddedPulsarException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception with a message only.
     *
     * @param message what failed
     */
    public EmbeddedPulsarException(String message) {
        super(message);
    }
}
