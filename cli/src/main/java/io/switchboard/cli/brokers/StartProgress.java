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
package io.switchboard.cli.brokers;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows that a broker is starting: on a terminal a line that counts the seconds (starting Pulsar takes tens of
 * them), otherwise one line when it starts and one when it is up, so a log stays short.
 */
final class StartProgress implements AutoCloseable {
    private final PrintWriter out;
    private final String what;
    private final boolean live;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;

    StartProgress(PrintWriter out, String what, boolean live) {
        this.out = out;
        this.what = what;
        this.live = live;
        if (live) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "switchboard-start-progress");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
        } else {
            ticker = null;
            out.println("starting " + what + "...");
            out.flush();
        }
    }

    private synchronized void tick() {
        out.printf(Locale.ROOT, "\r\033[Kstarting %s... %d s", what, elapsedSeconds());
        out.flush();
    }

    private long elapsedSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    }

    /** Ends the progress line with how long the start took. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            out.print("\r\033[K");
        }
        out.printf(Locale.ROOT, "started %s in %.1f s%n", what, (System.nanoTime() - startNanos) / 1e9);
        out.flush();
    }
}
