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
package io.switchboard.embedded.jms;

import java.util.Objects;
import java.util.Optional;

/**
 * A user the broker accepts, and the one destination it may not send to, if any.
 *
 * <p>Each user gets a group (Classic) or role (Artemis) of its own, named by {@link #group()}, so that a
 * permission can be withheld from one user without touching the others.
 */
record BrokerUser(String name, String password, Optional<String> sendDeniedTo) {

    BrokerUser {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("user name must not be blank");
        }
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(sendDeniedTo, "sendDeniedTo");
        sendDeniedTo.ifPresent(destination -> {
            if (destination.isBlank()) {
                throw new IllegalArgumentException("destination denied to user '" + name + "' must not be blank");
            }
        });
    }

    String group() {
        return "switchboard-user-" + name;
    }

    boolean maySendTo(String destination) {
        return sendDeniedTo.map(denied -> !denied.equals(destination)).orElse(true);
    }

    /** Leaves the password out: settings end up in test reports and logs. */
    @Override
    public String toString() {
        return "BrokerUser[" + name + sendDeniedTo.map(d -> ", may not send to " + d).orElse("") + "]";
    }
}
