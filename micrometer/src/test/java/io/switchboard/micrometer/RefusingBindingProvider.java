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
package io.switchboard.micrometer;

import io.switchboard.Capability;
import io.switchboard.Destination;
import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.BindingProvider;
import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test binding whose broker refuses every record as surely not written ({@code UNAVAILABLE}), except on
 * destinations ending {@code .dlq}, so the core's retries and dead-letter copies happen on cue. Unit tests of the
 * metrics only: the real brokers are in {@code MetricsOnRealBrokersTest}.
 */
public final class RefusingBindingProvider implements BindingProvider {
    static final String NAME = "refusing";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.PARTITIONS);
    }

    @Override
    public ProducerBackend createProducer(BindingConfig config) {
        AtomicLong offsets = new AtomicLong();
        return new ProducerBackend() {
            @Override
            public CompletableFuture<Receipt> send(OutboundRecord record) {
                Destination to = record.destination();
                if (to.name().endsWith(".dlq")) {
                    return CompletableFuture.completedFuture(Receipt.partitioned(to, 0, offsets.getAndIncrement(), null,
                            null, null));
                }
                return CompletableFuture.failedFuture(new MessagingException(Reason.UNAVAILABLE,
                        "the test broker refuses " + to.name()));
            }

            /** The core retries: this broker's client has no retries of its own. */
            @Override
            public boolean retriesInternally() {
                return false;
            }

            @Override
            public void flush(Duration timeout) {
            }

            @Override
            public void close(Duration timeout) {
            }
        };
    }
}
