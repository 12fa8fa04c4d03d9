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
