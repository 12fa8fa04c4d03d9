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

import io.switchboard.memory.MemoryBroker;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.ProducerBackend;

import java.time.Duration;

/**
 * Defect: hangs in flush. It ignores the timeout and waits a minute longer (interruptibly, so that the kit's
 * bound can end it).
 */
public final class HangsInFlushBinding extends WrappingBindingProvider {
    /** The binding's name. */
    public static final String NAME = "broken-hangs-in-flush";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected ProducerBackend wrap(ProducerBackend inner, MemoryBroker broker, BindingConfig config) {
        return new ForwardingBackend(inner) {
            @Override
            public void flush(Duration timeout) {
                try {
                    Thread.sleep(timeout.plusMinutes(1).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inner.flush(timeout);
            }
        };
    }
}
