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

import io.switchboard.Headers;
import io.switchboard.Message;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline buckets linked through the sends: finished sends leave the buckets when pruned, unfinished ones stay
 * until their deadline and are expired then, exactly once. Time is passed in, so nothing here waits.
 */
class InFlightTest {
    private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(30);

    private final List<PendingSend> expired = new ArrayList<>();
    private final InFlight inFlight = new InFlight(send -> {
        if (send.claimFinish() >= 0) {
            expired.add(send);
        }
    }, TIMEOUT);

    private static PendingSend accepted(long atNanos) {
        return new PendingSend(Message.of("d", "v"), new byte[1], Headers.empty(), atNanos + TIMEOUT, List.of(),
                (send, receipt, error) -> {
        });
    }

    @Test
    @DisplayName("pruning unlinks the finished sends of a bucket and keeps the unfinished ones")
    void pruningKeepsOnlyUnfinished() {
        long now = System.nanoTime();
        List<PendingSend> sends = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            PendingSend send = accepted(now);
            inFlight.add(send);
            sends.add(send);
        }
        for (int i = 0; i < 100; i += 2) {
            sends.get(i).claimFinish();
        }
        assertThat(inFlight.linked()).isEqualTo(100);
        inFlight.prune(now + TimeUnit.MILLISECONDS.toNanos(20));   // the bucket is found
        inFlight.prune(now + TimeUnit.MILLISECONDS.toNanos(60));   // and pruned, 20 ms after it stopped growing
        assertThat(inFlight.linked()).isEqualTo(50);
        assertThat(inFlight.snapshot()).containsExactlyInAnyOrderElementsOf(sends.stream().filter(s -> !s.isFinished()).toList());
    }

    @Test
    @DisplayName("at the deadline only the unfinished sends expire, once each, and the bucket is gone")
    void expiryFindsUnfinishedOnly() {
        long now = System.nanoTime();
        PendingSend finished = accepted(now);
        PendingSend pending = accepted(now);
        inFlight.add(finished);
        inFlight.add(pending);
        finished.claimFinish();
        inFlight.tick(now + TIMEOUT - TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(expired).isEmpty();
        inFlight.tick(now + TIMEOUT + TimeUnit.MILLISECONDS.toNanos(50));
        inFlight.tick(now + TIMEOUT + TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(expired).containsExactly(pending);
        assertThat(inFlight.snapshot()).isEmpty();
        assertThat(inFlight.linked()).isZero();
    }

    @Test
    @DisplayName("a send registered after its deadline's bucket was swept expires at once")
    void lateRegistrationExpires() {
        long now = System.nanoTime();
        inFlight.tick(now + TIMEOUT + TimeUnit.SECONDS.toNanos(1));
        PendingSend late = accepted(now);
        inFlight.add(late);
        assertThat(expired).containsExactly(late);
    }
}
