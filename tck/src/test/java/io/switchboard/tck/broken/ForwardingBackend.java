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

import io.switchboard.Destination;
import io.switchboard.Receipt;
import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A backend that forwards everything to another; broken backends override the one method they break. */
public class ForwardingBackend implements ProducerBackend {
    /** The backend forwarded to. */
    protected final ProducerBackend inner;

    /** Forwards to {@code inner}. */
    public ForwardingBackend(ProducerBackend inner) {
        this.inner = inner;
    }

    @Override
    public CompletableFuture<Receipt> send(OutboundRecord record) {
        return inner.send(record);
    }

    @Override
    public void flush(Duration timeout) {
        inner.flush(timeout);
    }

    @Override
    public void close(Duration timeout) {
        inner.close(timeout);
    }

    @Override
    public CompletableFuture<Integer> partitionCount(Destination destination) {
        return inner.partitionCount(destination);
    }

    @Override
    public boolean retriesInternally() {
        return inner.retriesInternally();
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return inner.unwrap(type);
    }

    /** Completes {@code target} the way {@code source} completes. */
    protected static void relay(CompletableFuture<Receipt> source, CompletableFuture<Receipt> target) {
        source.whenComplete((receipt, error) -> {
            if (error == null) {
                target.complete(receipt);
            } else {
                target.completeExceptionally(error);
            }
        });
    }
}
