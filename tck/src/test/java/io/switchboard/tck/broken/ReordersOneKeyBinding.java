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
import java.util.concurrent.CompletableFuture;

/**
 * Defect: swaps two messages of one key. The first key the backend sees has its second record held back and
 * written after its third.
 */
public final class ReordersOneKeyBinding extends WrappingBindingProvider {
    /** The binding's name. */
    public static final String NAME = "broken-reorders-a-key";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected ProducerBackend wrap(ProducerBackend inner, MemoryBroker broker, BindingConfig config) {
        return new Backend(inner);
    }

    private static final class Backend extends ForwardingBackend {
        private String victim;
        private int seen;
        private OutboundRecord heldRecord;
        private CompletableFuture<Receipt> heldFuture;

        Backend(ProducerBackend inner) {
            super(inner);
        }

        @Override
        public synchronized CompletableFuture<Receipt> send(OutboundRecord record) {
            if (record.key() == null || seen >= 3 || victim != null && !victim.equals(record.key())) {
                return inner.send(record);
            }
            victim = record.key();
            seen++;
            if (seen == 2) {
                heldRecord = record;
                heldFuture = new CompletableFuture<>();
                return heldFuture;
            }
            CompletableFuture<Receipt> sent = inner.send(record);
            if (seen == 3) {
                releaseHeld();
            }
            return sent;
        }

        @Override
        public void flush(Duration timeout) {
            synchronized (this) {
                releaseHeld();
            }
            inner.flush(timeout);
        }

        @Override
        public void close(Duration timeout) {
            synchronized (this) {
                releaseHeld();
            }
            inner.close(timeout);
        }

        private void releaseHeld() {
            if (heldRecord != null) {
                relay(inner.send(heldRecord), heldFuture);
                heldRecord = null;
                heldFuture = null;
            }
        }
    }
}
