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

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Sets log4j-core logger levels. A class of its own so that it is loaded only when log4j-core is on the class
 * path; {@link PulsarLogLevels} checks that first.
 */
final class Log4jLevels {

    /** Loggers this class set on an earlier start: they may be changed again, the user's own may not. */
    private static final Set<String> SET_BY_US = new HashSet<>();

    private Log4jLevels() {
    }

    /**
     * @param levels logger name to level name; loggers that the active configuration already declares keep their
     *               configured level
     */
    static void applyUnlessConfigured(Map<String, String> levels) {
        // With log4j-to-slf4j as the provider, log4j-core is present but not in charge: leave it alone.
        if (!(LogManager.getContext(false) instanceof LoggerContext)) {
            return;
        }
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        Map<String, Level> toSet = new LinkedHashMap<>();
        levels.forEach((name, level) -> {
            if (!configuration.getLoggers().containsKey(name) || SET_BY_US.contains(name)) {
                toSet.put(name, Level.toLevel(level, Level.ERROR));
            }
        });
        SET_BY_US.addAll(toSet.keySet());
        Configurator.setLevel(toSet);
    }
}
