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

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Closes provider objects off the calling thread: a JMS {@code close()} may wait for the broker (or, behind a
 * reconnecting transport, for ever), and none of the binding's bounds may depend on that.
 */
final class Closer {
    private Closer() {
    }

    /**
     * Closes {@code resource} on a thread of its own and waits at most {@code boundNanos} for it.
     *
     * @return whether the close finished in time (it goes on in the background otherwise)
     */
    static boolean close(AutoCloseable resource, String what, long boundNanos) {
        if (resource == null) {
            return true;
        }
        CountDownLatch done = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                resource.close();
            } catch (Exception | LinkageError e) {
                // closing is best effort: the resource is abandoned either way, and its failure tells nobody anything
                JmsLog.closeFailed(what, e);
            } finally {
                done.countDown();
            }
        }, "switchboard-jms-close-" + what);
        thread.setDaemon(true);
        thread.start();
        if (boundNanos <= 0) {
            return false;
        }
        try {
            return done.await(boundNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Closes {@code resource} in the background, without waiting. */
    static void closeLater(AutoCloseable resource, String what) {
        close(resource, what, 0);
    }
}
