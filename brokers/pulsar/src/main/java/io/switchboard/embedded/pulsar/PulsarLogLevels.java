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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps Pulsar's and BookKeeper's logging out of a test's output.
 *
 * <p>Pulsar logs through SLF4J to log4j2, and the {@code bookkeeper-server} jar ships a {@code log4j2.xml} that
 * prints everything at INFO: several hundred lines per broker start. So, before each start, the broker's own
 * packages are set to ERROR, and a handful of loggers that report harmless lifecycle events as errors with stack
 * traces (a bookie shutting down twice, a first start finding no journal mark) are turned off. Loggers the
 * user's own log4j2 configuration names are left as configured, and nothing happens when log4j-core is not the
 * logging backend (e.g. with Logback, configure the same package names there).
 *
 * <p>The system property {@value #LEVEL_PROPERTY} (e.g. {@code INFO}) sets every one of these loggers to that
 * level instead, to watch the broker while debugging.
 */
final class PulsarLogLevels {

    /** System property naming a log4j level for all of the broker's loggers. */
    static final String LEVEL_PROPERTY = "switchboard.embedded.pulsar.log.level";

    private static final List<String> BROKER_PACKAGES = List.of(
            "org.apache.pulsar",
            "org.apache.bookkeeper",
            "org.apache.distributedlog",
            "org.apache.zookeeper",
            "org.apache.curator",
            "org.eclipse.jetty",
            "org.glassfish",
            "io.netty",
            "io.grpc",
            "io.oxia",
            "io.opentelemetry",
            "io.prometheus");

    /**
     * Loggers that report normal start and stop events as errors: a bookie shut down twice, no journal mark on a
     * first start, the ledgers root found on a restart, bookie connections closed after their event loop.
     */
    private static final List<String> HARMLESS_ERROR_LOGGERS = List.of(
            "org.apache.bookkeeper.bookie.Bookie",
            "org.apache.bookkeeper.bookie.BookieThread",
            "org.apache.bookkeeper.bookie.Journal",
            "org.apache.bookkeeper.common.component.ComponentStarter",
            "org.apache.pulsar.metadata.bookkeeper.PulsarRegistrationManager",
            "io.netty.util.concurrent.DefaultPromise.rejectedExecution");

    /** Jersey and OpenTelemetry write warnings through java.util.logging straight to stderr. */
    private static final List<String> JUL_PACKAGES = List.of("org.glassfish.jersey", "io.opentelemetry");

    /** java.util.logging holds loggers weakly: without these references the levels set on them are lost. */
    private static final List<java.util.logging.Logger> JUL_LOGGERS = new ArrayList<>();

    private PulsarLogLevels() {
    }

    static synchronized void quietenUnlessConfigured() {
        String requested = System.getProperty(LEVEL_PROPERTY);
        Map<String, String> levels = new LinkedHashMap<>();
        BROKER_PACKAGES.forEach(name -> levels.put(name, requested == null ? "ERROR" : requested));
        HARMLESS_ERROR_LOGGERS.forEach(name -> levels.put(name, requested == null ? "OFF" : requested));
        if (isClassPresent("org.apache.logging.log4j.core.LoggerContext")) {
            Log4jLevels.applyUnlessConfigured(levels);
        }
        quietenJavaUtilLogging(requested);
    }

    private static void quietenJavaUtilLogging(String requested) {
        java.util.logging.Level level = requested == null ? java.util.logging.Level.SEVERE : julLevel(requested);
        if (JUL_LOGGERS.isEmpty()) {
            JUL_PACKAGES.forEach(name -> JUL_LOGGERS.add(java.util.logging.Logger.getLogger(name)));
        }
        JUL_LOGGERS.forEach(logger -> logger.setLevel(level));
    }

    private static java.util.logging.Level julLevel(String log4jLevel) {
        switch (log4jLevel.toUpperCase(Locale.ROOT)) {
            case "OFF":
                return java.util.logging.Level.OFF;
            case "FATAL":
            case "ERROR":
                return java.util.logging.Level.SEVERE;
            case "WARN":
                return java.util.logging.Level.WARNING;
            case "INFO":
                return java.util.logging.Level.INFO;
            case "DEBUG":
                return java.util.logging.Level.FINE;
            default:
                return java.util.logging.Level.ALL;
        }
    }

    private static boolean isClassPresent(String name) {
        try {
            Class.forName(name, false, PulsarLogLevels.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
