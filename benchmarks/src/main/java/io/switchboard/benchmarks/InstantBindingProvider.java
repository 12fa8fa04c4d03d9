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

import io.switchboard.Capability;
import io.switchboard.Destination;
import io.switchboard.Receipt;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.BindingProvider;
import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * A binding whose backend acknowledges every record at once with one shared receipt, allocating nothing: what
 * {@link CoreProducerBenchmark} measures on it is the core producer's own cost, not a broker's. Benchmarks only.
 */
public final class InstantBindingProvider implements BindingProvider {
    /** The binding's name, {@code switchboard.binding=instant}. */
    public static final String NAME = "instant";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.PARTITIONS, Capability.TIMESTAMPS);
    }

    @Override
    public ProducerBackend createProducer(BindingConfig config) {
        return new InstantBackend();
    }

    /** Acknowledges every send at once with the same receipt (and, in the future form, the same future). */
    static final class InstantBackend implements ProducerBackend {
        private static final Receipt RECEIPT = Receipt.partitioned(Destination.of("bench"), 0, 0, "0-0", null, null);
        private static final CompletableFuture<Receipt> ACKNOWLEDGED = CompletableFuture.completedFuture(RECEIPT);

        @Override
        public CompletableFuture<Receipt> send(OutboundRecord record) {
            return ACKNOWLEDGED;
        }

        /** The form the core producer calls, answered as a binding on a client callback answers it. */
        @Override
        public void send(OutboundRecord record, BiConsumer<? super Receipt, ? super Throwable> outcome) {
            outcome.accept(RECEIPT, null);
        }

        @Override
        public void flush(Duration timeout) {
        }

        @Override
        public void close(Duration timeout) {
        }
    }
}
