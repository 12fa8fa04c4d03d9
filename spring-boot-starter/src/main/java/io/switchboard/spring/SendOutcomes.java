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
package io.switchboard.spring;

import io.switchboard.Capability;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.ProducerInfo;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.SendInterceptor;
import io.switchboard.SendObserver;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one producer's sends came to lately, for its health: counts, and the latest acknowledgement and failure
 * with their times. Holds reasons only, never an error's message, so nothing of a message or a setting can reach
 * the health output.
 */
final class SendOutcomes implements SendInterceptor {
    private final Clock clock;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Instant> lastAcknowledged = new AtomicReference<>();
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();
    private volatile ProducerInfo producer;
    private volatile boolean closed;
    private volatile Set<Capability> capabilities = Set.of();

    /** The latest failure: its reason and when. */
    record Failure(Reason reason, Instant at) {
    }

    SendOutcomes(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onStart(ProducerInfo producer) {
        this.producer = producer;
    }

    @Override
    public void onClose(ProducerInfo producer) {
        closed = true;
    }

    @Override
    public SendObserver onSend(Message<?> message) {
        return observer;
    }

    private final SendObserver observer = new SendObserver() {
        @Override
        public void onAcknowledged(Receipt receipt) {
            acknowledged.incrementAndGet();
            lastAcknowledged.set(clock.instant());
        }

        @Override
        public void onFailed(MessagingException error) {
            failed.incrementAndGet();
            lastFailure.set(new Failure(error.reason(), clock.instant()));
        }
    };

    long acknowledged() {
        return acknowledged.get();
    }

    long failed() {
        return failed.get();
    }

    Instant lastAcknowledged() {
        return lastAcknowledged.get();
    }

    Failure lastFailure() {
        return lastFailure.get();
    }

    /** The producer, once built (null before). */
    ProducerInfo producer() {
        return producer;
    }

    /** The producer's capabilities, told once it is built. */
    void capabilities(Set<Capability> capabilities) {
        this.capabilities = Set.copyOf(capabilities);
    }

    Set<Capability> capabilities() {
        return capabilities;
    }

    boolean closed() {
        return closed;
    }

    /**
     * Whether the latest outcome says the broker cannot be used: a failure after the latest acknowledgement whose
     * reason is about the broker or the link to it (a bad message, a full buffer or a closed producer is not).
     */
    boolean brokerFailing() {
        Failure failure = lastFailure.get();
        Instant ack = lastAcknowledged.get();
        if (failure == null || (ack != null && !ack.isBefore(failure.at()))) {
            return false;
        }
        return switch (failure.reason()) {
            case UNAVAILABLE, TIMEOUT, OUTCOME_UNKNOWN, UNAUTHENTICATED, PERMISSION_DENIED, NOT_FOUND -> true;
            default -> false;
        };
    }
}
