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
package io.switchboard.embedded.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A point in time after which waiting stops; shared by the steps of one operation so that the whole
 * operation, not each step, keeps to the caller's bound.
 */
final class Deadline {

    /** Between checks of a condition the broker settles by itself (a topic's leaders, an ACL). */
    private static final long POLL_INTERVAL_MILLIS = 50;

    private final Duration timeout;
    private final long endNanos;

    private Deadline(Duration timeout) {
        this.timeout = timeout;
        this.endNanos = System.nanoTime() + timeout.toNanos();
    }

    static Deadline after(Duration timeout) {
        return new Deadline(timeout);
    }

    Duration timeout() {
        return timeout;
    }

    /** What is left, never negative. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /**
     * Checks {@code condition} until it holds. A check that throws counts as "not yet" (the broker may
     * not know the topic yet), and the last such failure is attached if time runs out.
     *
     * @throws EmbeddedKafkaException if the condition does not hold before the deadline
     */
    void await(String what, Condition condition) {
        Exception lastFailure = null;
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedKafkaException("Interrupted while waiting for " + what, e);
            } catch (Exception e) {
                lastFailure = e;
            }
            if (remaining().isZero()) {
                throw new EmbeddedKafkaException("Timed out after " + timeout + " waiting for " + what, lastFailure);
            }
            pause(what);
        }
    }

    private void pause(String what) {
        try {
            TimeUnit.MILLISECONDS.sleep(Math.min(POLL_INTERVAL_MILLIS, remaining().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("Interrupted while waiting for " + what, e);
        }
    }

    /** Something the broker makes true by itself; may throw while it is not there yet. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }
}
