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

import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.memory.MemoryBroker;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Defect: writes every hundredth record and then reports it NOT_FOUND, a reason that says "not written", as a
 * binding that maps an error it does not understand to the wrong reason would.
 */
public final class StoresWhatItFailsBinding extends WrappingBindingProvider {
    /** The binding's name. */
    public static final String NAME = "broken-stores-what-it-fails";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected ProducerBackend wrap(ProducerBackend inner, MemoryBroker broker, BindingConfig config) {
        AtomicLong sends = new AtomicLong();
        return new ForwardingBackend(inner) {
            @Override
            public CompletableFuture<Receipt> send(OutboundRecord record) {
                CompletableFuture<Receipt> written = inner.send(record);
                if (sends.incrementAndGet() % 100 != 0) {
                    return written;
                }
                return written.thenCompose(receipt -> CompletableFuture.failedFuture(
                        new MessagingException(Reason.NOT_FOUND, "no such destination: " + record.destination())));
            }
        };
    }
}
