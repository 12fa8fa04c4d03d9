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
package io.switchboard.tck.broken;

import io.switchboard.Receipt;
import io.switchboard.memory.MemoryBroker;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Defect: blocks the caller's thread in {@code send} while the broker is down (up to 30 seconds), as a
 * synchronous client would, instead of holding the record and returning.
 */
public final class BlocksWhileDownBinding extends WrappingBindingProvider {
    /** The binding's name. */
    public static final String NAME = "broken-blocks-while-down";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected ProducerBackend wrap(ProducerBackend inner, MemoryBroker broker, BindingConfig config) {
        return new ForwardingBackend(inner) {
            @Override
            public CompletableFuture<Receipt> send(OutboundRecord record) {
                long until = System.nanoTime() + 30_000_000_000L;
                while (!broker.isRunning() && System.nanoTime() - until < 0 && !Thread.currentThread().isInterrupted()) {
                    LockSupport.parkNanos(10_000_000L);
                }
                return inner.send(record);
            }
        };
    }
}
