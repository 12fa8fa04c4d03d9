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
package io.switchboard.benchmarks;

import java.util.concurrent.TimeUnit;

/**
 * The hard time bound of a side-by-side main ({@code --max-minutes}): a daemon thread that halts the JVM with status
 * 2 if the main has not cancelled it in time, so that a stuck broker or client cannot hold a machine forever.
 */
final class TimeBound {
    private final Thread guard;

    private TimeBound(Thread guard) {
        this.guard = guard;
    }

    static TimeBound start(String mainName, long maxMinutes) {
        Thread guard = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(maxMinutes));
                System.err.println(mainName + ": still running after " + maxMinutes + " min (--max-minutes); stopping");
                Runtime.getRuntime().halt(2);
            } catch (InterruptedException e) {
                // finished in time
            }
        }, "side-by-side-time-bound");
        guard.setDaemon(true);
        guard.start();
        return new TimeBound(guard);
    }

    /** The main finished (or failed) in time. */
    void cancel() {
        guard.interrupt();
    }
}
