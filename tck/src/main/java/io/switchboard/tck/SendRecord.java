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

import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** One send of a reliability run: what was sent, how long the call took, and when and how it finished. */
final class SendRecord {
    final String key;
    final int sequence;
    final long callNanos;
    /** When sendAsync returned: the latest the delivery timeout can have started. */
    final long acceptedAt;
    private volatile long finishedAt;
    private volatile MessagingException failure;
    private volatile boolean acknowledged;
    /** Done once the outcome is recorded here (not merely once the caller's future is). */
    final CompletableFuture<?> recorded;

    SendRecord(String key, int sequence, long callStart, long acceptedAt, CompletableFuture<Receipt> future) {
        this.key = key;
        this.sequence = sequence;
        this.callNanos = acceptedAt - callStart;
        this.acceptedAt = acceptedAt;
        this.recorded = future.whenComplete((receipt, error) -> {
            if (error == null) {
                acknowledged = true;
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                failure = cause instanceof MessagingException m ? m : new MessagingException(Reason.INTERNAL,
                        "not a MessagingException: " + cause, cause);
            }
            finishedAt = System.nanoTime(); // last: a finished record has its outcome
        });
    }

    /** The value sent: key and sequence, so that a read message names its send. */
    static String value(String key, int sequence) {
        return key + ":" + sequence;
    }

    String value() {
        return value(key, sequence);
    }

    boolean finished() {
        return finishedAt != 0;
    }

    boolean acknowledged() {
        return acknowledged;
    }

    MessagingException failure() {
        return failure;
    }

    /** From acceptance to outcome; only for a finished send. */
    long outcomeNanos() {
        return finishedAt - acceptedAt;
    }
}
