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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Defect: drops the records it holds for batching when closed. With {@code switchboard.linger} set it keeps
 * records in its own buffer until a flush; {@code close} throws that buffer away instead of sending it.
 */
public final class DropsOnCloseBinding extends WrappingBindingProvider {
    /** The binding's name. */
    public static final String NAME = "broken-drops-on-close";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected ProducerBackend wrap(ProducerBackend inner, MemoryBroker broker, BindingConfig config) {
        return config.settings().linger() == null ? new ForwardingBackend(inner) : new Backend(inner);
    }

    private static final class Backend extends ForwardingBackend {
        private record Held(OutboundRecord record, CompletableFuture<Receipt> future) {
        }

        private final List<Held> held = new ArrayList<>();

        Backend(ProducerBackend inner) {
            super(inner);
        }

        @Override
        public CompletableFuture<Receipt> send(OutboundRecord record) {
            CompletableFuture<Receipt> future = new CompletableFuture<>();
            synchronized (held) {
                held.add(new Held(record, future));
            }
            return future;
        }

        @Override
        public void flush(Duration timeout) {
            List<Held> batch;
            synchronized (held) {
                batch = new ArrayList<>(held);
                held.clear();
            }
            batch.forEach(h -> relay(inner.send(h.record), h.future));
            inner.flush(timeout);
        }

        @Override
        public void close(Duration timeout) {
            synchronized (held) {
                held.clear(); // the defect: what was held is never sent
            }
            inner.close(timeout);
        }
    }
}
