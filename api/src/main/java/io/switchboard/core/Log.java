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

import java.lang.System.Logger.Level;

/**
 * The core's few log lines, through the JDK's platform logger so that the api jar needs no logging library
 * (SLF4J and others bridge it). Nothing is logged per send on the success path.
 */
final class Log {
    private static final System.Logger LOGGER = System.getLogger("io.switchboard");

    private Log() {
    }

    static void observerFailed(RuntimeException e) {
        LOGGER.log(Level.WARNING, "a send interceptor or observer threw; the send goes on without it", e);
    }

    static void closeFailed(String binding, RuntimeException e) {
        LOGGER.log(Level.WARNING, "the " + binding + " binding failed while closing; pending sends are failed by the producer", e);
    }

    static void flushFailed(String binding, RuntimeException e) {
        LOGGER.log(Level.WARNING, "the " + binding + " binding failed to flush; the sends' own outcomes tell what happened", e);
    }

    static void deadLetterFailed(String destination, Throwable e) {
        LOGGER.log(Level.WARNING, "a message could not be copied to the dead-letter destination " + destination, e);
    }

    static void created(String binding, String clientId) {
        LOGGER.log(Level.DEBUG, () -> "created producer " + clientId + " on the " + binding + " binding");
    }
}
