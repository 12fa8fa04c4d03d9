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

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayName("A thread snapshot shows where the named threads wait")
class ThreadSnapshotTest {

    @Test
    @DisplayName("a waiting thread of that name is shown with its state and the call it waits in; others are not")
    void showsOnlyNamedThreadsWithTheirCall() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread held = new Thread(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "snapshot-test-held-lane");
        held.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> held.getState() == Thread.State.TIMED_WAITING);
            String snapshot = ThreadSnapshot.of("snapshot-test-held");
            assertThat(snapshot).startsWith("\"snapshot-test-held-lane\" TIMED_WAITING")
                    .contains("CountDownLatch.await").doesNotContain("\"main\"");
            assertThat(ThreadSnapshot.of("no-thread-has-this-name")).isEmpty();
        } finally {
            release.countDown();
            held.join(10_000);
        }
    }
}
