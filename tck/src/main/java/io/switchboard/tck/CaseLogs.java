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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log lines of one case, stack traces included: SLF4J's through {@link CapturingLogProvider}, and the JDK
 * platform logging's (which Switchboard's core logs with) through a handler. One capture at a time, since the kit's
 * cases run one after another.
 */
final class CaseLogs implements AutoCloseable {
    /** The property SLF4J selects its provider by. */
    static final String PROVIDER_PROPERTY = "slf4j.provider";

    private static volatile boolean providerStarted;
    private static volatile CaseLogs current;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger platform = Logger.getLogger("");
    private final java.util.logging.Level switchboardLevel;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            add(record.getLoggerName() + " " + record.getLevel() + " " + record.getMessage(), record.getThrown());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CaseLogs() {
        Logger switchboard = Logger.getLogger("io.switchboard");
        switchboardLevel = switchboard.getLevel();
        switchboard.setLevel(java.util.logging.Level.ALL);
        handler.setLevel(java.util.logging.Level.ALL);
        platform.addHandler(handler);
    }

    /** Whether SLF4J's lines reach the capture; false when another provider was chosen first. */
    static boolean slf4jCaptured() {
        if (!providerStarted) {
            org.slf4j.LoggerFactory.getILoggerFactory();   // starts SLF4J if nothing has yet
        }
        return providerStarted;
    }

    /** Starts capturing. */
    static CaseLogs begin() {
        CaseLogs logs = new CaseLogs();
        current = logs;
        return logs;
    }

    /** Everything logged since {@link #begin()}. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        current = null;
        platform.removeHandler(handler);
        Logger.getLogger("io.switchboard").setLevel(switchboardLevel);
    }

    static void providerStarted() {
        providerStarted = true;
    }

    static boolean capturing() {
        return current != null;
    }

    static void record(String line, Throwable thrown) {
        CaseLogs logs = current;
        if (logs != null) {
            logs.add(line, thrown);
        }
    }

    private void add(String line, Throwable thrown) {
        lines.add(thrown == null ? line : line + "\n" + stackTrace(thrown));
    }

    /** A throwable as a user would see it printed: messages, causes, suppressed exceptions. */
    static String stackTrace(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
