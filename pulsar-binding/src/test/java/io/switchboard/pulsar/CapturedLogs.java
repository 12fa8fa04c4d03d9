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
package io.switchboard.pulsar;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything Pulsar's client (log4j2 through SLF4J, at DEBUG) and Switchboard's core (the JDK's platform logging)
 * log while it is open, stack traces included, kept in memory instead of printed.
 */
final class CapturedLogs implements AutoCloseable {
    private static final String PULSAR_CLIENT = "org.apache.pulsar.client";
    private static final String SWITCHBOARD = "io.switchboard";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final AbstractAppender appender;
    private final Handler handler;
    private final Logger switchboardLogger = Logger.getLogger(SWITCHBOARD);
    private final java.util.logging.Level previousLevel = switchboardLogger.getLevel();

    CapturedLogs() {
        appender = new AbstractAppender("captured", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getLoggerName() + " " + event.getMessage().getFormattedMessage() + stackTrace(event.getThrown()));
            }
        };
        appender.start();
        Configuration configuration = context.getConfiguration();
        LoggerConfig client = new LoggerConfig(PULSAR_CLIENT, Level.DEBUG, false);
        client.addAppender(appender, Level.DEBUG, null);
        configuration.addLogger(PULSAR_CLIENT, client);
        context.updateLoggers();

        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getLoggerName() + " " + record.getMessage() + stackTrace(record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(java.util.logging.Level.ALL);
        switchboardLogger.setLevel(java.util.logging.Level.ALL);
        switchboardLogger.addHandler(handler);
    }

    /** What was logged so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        context.getConfiguration().removeLogger(PULSAR_CLIENT);
        context.updateLoggers();
        appender.stop();
        switchboardLogger.removeHandler(handler);
        switchboardLogger.setLevel(previousLevel);
    }

    private static String stackTrace(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return "\n" + out;
    }
}
