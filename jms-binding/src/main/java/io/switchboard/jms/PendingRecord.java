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

import io.switchboard.MessagingException;
import io.switchboard.Receipt;
import io.switchboard.spi.OutboundRecord;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One record handed to the binding, from its lane's queue to its outcome. Its state decides, once, who may act on
 * it: the lane claims it right before the send; the expiry watch or close may take it away only while it waits.
 * That is what makes "not written" certain: a record that lost the claim is never sent.
 */
final class PendingRecord {
    private static final int WAITING = 0;
    private static final int SENDING = 1;
    private static final int TAKEN = 2;

    final OutboundRecord record;
    /** The JMS property names of the record's headers, in the order of {@link #propertyValues}. */
    final String[] propertyNames;
    final String[] propertyValues;
    final CompletableFuture<Receipt> future = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(WAITING);

    PendingRecord(OutboundRecord record, String[] propertyNames, String[] propertyValues) {
        this.record = record;
        this.propertyNames = propertyNames;
        this.propertyValues = propertyValues;
    }

    /** Whether nobody has claimed or taken the record yet. */
    boolean isWaiting() {
        return state.get() == WAITING;
    }

    /** Claims the record for sending; false when it was taken away meanwhile (then it must not be sent). */
    boolean claimForSending() {
        return state.compareAndSet(WAITING, SENDING);
    }

    /** Takes a waiting record away for good, so that it is never sent; false when it is being sent or done. */
    boolean takeAway() {
        return state.compareAndSet(WAITING, TAKEN);
    }

    /** Takes a waiting record away and fails it; a record being sent is left to its send. */
    void failIfWaiting(MessagingException error) {
        if (takeAway()) {
            future.completeExceptionally(error);
        }
    }

    /** Whether the deadline is less than {@code marginNanos} away at {@code nowNanos}. */
    boolean dueAt(long nowNanos, long marginNanos) {
        return record.deadlineNanos() - nowNanos <= marginNanos;
    }
}
