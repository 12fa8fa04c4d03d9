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
package io.switchboard.tck;

import io.switchboard.Destination;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A producer configuration that holds secrets, and the secret values in it, for the kit's secret cases. The kit
 * builds producers from the fixture's properties with {@code working} on top, sends, fails on purpose, flushes and
 * closes, and requires that none of {@code secrets} appears in any exception, {@code toString} or log line.
 *
 * @param working     settings, on top of the fixture's properties, with which a producer authenticates and sends
 * @param wrong       the same with a wrong secret, so that the broker refuses the producer; empty when the fixture's
 *                    broker does not authenticate (that case is then skipped and says why)
 * @param secrets     every secret value in {@code working} and {@code wrong}: passwords, tokens, whole JAAS strings
 * @param destination a destination that a producer with {@code working} may send to
 */
public record SecretSettings(Map<String, String> working, Map<String, String> wrong, Set<String> secrets,
                             Destination destination) {

    /** Checks the settings and copies them. */
    public SecretSettings {
        working = Map.copyOf(working);
        wrong = Map.copyOf(wrong);
        secrets = Set.copyOf(secrets);
        Objects.requireNonNull(destination, "destination");
        if (secrets.isEmpty() || secrets.stream().anyMatch(s -> s.length() < 4)) {
            throw new IllegalArgumentException("name at least one secret value, each 4 characters or longer (shorter"
                    + " ones would be found by chance)");
        }
    }

    /** Never shows the secrets themselves: the kit's own report must not leak them either. */
    @Override
    public String toString() {
        return "SecretSettings[working keys " + working.keySet() + ", wrong keys " + wrong.keySet() + ", "
                + secrets.size() + " secrets, destination " + destination + "]";
    }
}
