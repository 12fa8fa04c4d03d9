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

import io.switchboard.Headers;
import io.switchboard.Receipt;
import io.switchboard.memory.MemoryBroker;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Defect: loses a header. Of a record with two headers or more, the last one is not written. */
public final class LosesHeaderBinding extends WrappingBindingProvider {
    /** The binding's name. */
    public static final String NAME = "broken-loses-a-header";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected ProducerBackend wrap(ProducerBackend inner, MemoryBroker broker, BindingConfig config) {
        return new ForwardingBackend(inner) {
            @Override
            public CompletableFuture<Receipt> send(OutboundRecord record) {
                if (record.headers().size() < 2) {
                    return inner.send(record);
                }
                Map<String, String> kept = new LinkedHashMap<>(record.headers().asMap());
                String last = null;
                for (String name : kept.keySet()) {
                    last = name;
                }
                kept.remove(last);
                return inner.send(OutboundRecord.of(record.destination(), record.key(), record.value(),
                        Headers.of(kept), record.timestamp(), record.partition(), record.deliveryDelay(),
                        record.timeToLive(), record.priority(), record.deadlineNanos()));
            }
        };
    }
}
