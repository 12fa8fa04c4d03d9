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
package io.switchboard.core;

import java.util.concurrent.locks.LockSupport;

/**
 * Enforces the delivery timeout: a daemon thread that, every few milliseconds, fails the sends whose deadline
 * bucket has passed and unlinks finished ones (see {@link InFlight}). One sweeper instead of a timer per send keeps the send path free of
 * a shared scheduler lock; the price is a few milliseconds of lateness.
 */
final class DeadlineSweeper implements Runnable {
    static final long TICK_NANOS = 5_000_000L;

    private final InFlight inFlight;
    private final Thread thread;
    private volatile boolean stopped;

    DeadlineSweeper(InFlight inFlight, String clientId) {
        this.inFlight = inFlight;
        this.thread = new Thread(this, "switchboard-deadlines-" + clientId);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        while (!stopped) {
            LockSupport.parkNanos(this, TICK_NANOS);
            try {
                inFlight.tick(System.nanoTime());
            } catch (RuntimeException | Error e) {
                // an observer's failure must never stop the deadlines of every later send
                Log.observerFailed(e instanceof RuntimeException re ? re : new RuntimeException(e));
            }
        }
    }
}
