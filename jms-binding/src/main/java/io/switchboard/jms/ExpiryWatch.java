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

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fails, as not written, the records that wait in a lane while their deadline comes near, every
 * {@value #TICK_MILLIS} ms. A lane normally does this itself; the watch is there for a lane whose thread is held
 * inside the provider (a send or a connection attempt behind a reconnecting transport that waits for the broker),
 * so that the records queued behind it fail truthfully ({@code TIMEOUT}, never sent) a little before the producer's
 * own deadline would report them as {@code OUTCOME_UNKNOWN}.
 */
final class ExpiryWatch {
    static final long TICK_MILLIS = 10;

    private final ScheduledExecutorService timer;

    ExpiryWatch(List<SendLane> lanes, String clientId) {
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "switchboard-jms-" + clientId + "-expiry");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            for (SendLane lane : lanes) {
                try {
                    lane.expireDue(now);
                } catch (RuntimeException e) {
                    // a failing callback of one record must not stop the deadlines of all others
                    JmsLog.callbackFailed(e);
                }
            }
        }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop() {
        timer.shutdownNow();
    }
}
