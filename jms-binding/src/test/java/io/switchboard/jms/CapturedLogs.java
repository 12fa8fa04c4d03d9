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

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what Switchboard logs through the JDK's platform logger (java.util.logging without another backend), to
 * check what a log line says and that it never shows a secret.
 */
final class CapturedLogs implements AutoCloseable {
    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLogs(String name) {
        this.logger = Logger.getLogger(name);
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    static CapturedLogs of(String name) {
        return new CapturedLogs(name);
    }

    /** Every captured line, with its exception, as text. */
    String text() {
        StringBuilder out = new StringBuilder();
        synchronized (records) {
            for (LogRecord record : records) {
                out.append(record.getLevel()).append(' ').append(record.getMessage());
                if (record.getThrown() != null) {
                    out.append(' ').append(record.getThrown());
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
