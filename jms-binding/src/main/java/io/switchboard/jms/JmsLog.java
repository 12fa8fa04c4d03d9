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
package io.switchboard.jms;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The binding's few log lines, through the JDK's platform logger like the core's (SLF4J and others bridge it).
 * Nothing is logged per send; connection changes are logged once each.
 */
final class JmsLog {
    private static final Logger LOGGER = System.getLogger("io.switchboard.jms");

    private JmsLog() {
    }

    static void connected(String clientId) {
        LOGGER.log(Level.DEBUG, () -> "producer " + clientId + " connected to the JMS broker");
    }

    static void connectionLost(String clientId, String why) {
        LOGGER.log(Level.WARNING, () -> "producer " + clientId + " lost its JMS connection (" + why
                + "); it reconnects on the next send");
    }

    static void asyncRefusal(String clientId, String why) {
        LOGGER.log(Level.WARNING, () -> "the JMS provider of producer " + clientId + " reported a failure outside any"
                + " synchronous send (a message sent without waiting for the broker was refused): " + why);
    }

    static void closeFailed(String what, Throwable e) {
        // the class only: a provider's message might quote its configuration
        LOGGER.log(Level.DEBUG, () -> "closing the JMS " + what + " failed with " + e.getClass().getName());
    }

    static void callbackFailed(Throwable e) {
        LOGGER.log(Level.WARNING, "a callback of a failed send threw; the other sends' deadlines still apply", e);
    }

    static void busyAtClose(String clientId, int lanes) {
        LOGGER.log(Level.DEBUG, () -> "producer " + clientId + " closed while " + lanes + " of its JMS sessions were"
                + " still sending; closing the connection ends their sends");
    }
}
