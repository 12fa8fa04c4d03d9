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

/** Defect: claims {@code DELIVERY_DELAY} but drops the delay, so consumers see the message at once. */
public final class IgnoresDeliveryDelayBinding extends WrappingBindingProvider {
    /** The binding's name. */
    public static final String NAME = "broken-ignores-delay";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected ProducerBackend wrap(ProducerBackend inner, MemoryBroker broker, BindingConfig config) {
        return new ForwardingBackend(inner) {
            @Override
            public CompletableFuture<Receipt> send(OutboundRecord record) {
                return inner.send(OutboundRecord.of(record.destination(), record.key(), record.value(),
                        record.headers(), record.timestamp(), record.partition(), null, record.timeToLive(),
                        record.priority(), record.deadlineNanos()));
            }
        };
    }
}
