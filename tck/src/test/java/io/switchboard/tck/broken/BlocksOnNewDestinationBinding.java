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
import io.switchboard.memory.MemoryBroker;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Defect: looks up a destination's metadata on the caller's thread the first time it sends there, as a client
 * with a blocking metadata fetch does, and the lookup takes a second (a remote broker's round trips). Everything
 * arrives, in order, on time; only the caller was held.
 */
public final class BlocksOnNewDestinationBinding extends WrappingBindingProvider {
    /** The binding's name. */
    public static final String NAME = "broken-blocks-on-new-destination";
    /** How long the lookup holds the caller. */
    static final Duration LOOKUP = Duration.ofSeconds(1);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected ProducerBackend wrap(ProducerBackend inner, MemoryBroker broker, BindingConfig config) {
        Set<Destination> known = ConcurrentHashMap.newKeySet();
        return new ForwardingBackend(inner) {
            @Override
            public CompletableFuture<Receipt> send(OutboundRecord record) {
                if (known.add(record.destination())) {
                    inner.partitionCount(record.destination()).join();
                    LockSupport.parkNanos(LOOKUP.toNanos());   // the defect: the caller waits for the lookup
                }
                return inner.send(record);
            }
        };
    }
}
