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

import io.switchboard.Capability;
import io.switchboard.memory.MemoryBindingProvider;
import io.switchboard.memory.MemoryBroker;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.BindingProvider;
import io.switchboard.spi.ProducerBackend;

import java.util.EnumSet;
import java.util.Set;

/**
 * A test binding that wraps the memory binding's backend, each subclass with one deliberate defect (or, for
 * {@link BasicMemoryBinding}, none): the kit must catch every defect. The binding's own keys are the memory
 * binding's ({@code <name>.broker}).
 */
public abstract class WrappingBindingProvider implements BindingProvider {
    private final MemoryBindingProvider memory = new MemoryBindingProvider();

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public ProducerBackend createProducer(BindingConfig config) {
        ProducerBackend inner = memory.createProducer(new BindingConfig(config.settings(), MemoryBindingProvider.NAME,
                config.properties(), config.resources()));
        MemoryBroker broker = MemoryBroker.named(config.property(MemoryBindingProvider.BROKER)
                .orElse(MemoryBroker.DEFAULT_NAME));
        return wrap(inner, broker, config);
    }

    /** The backend with the defect, around the memory binding's. */
    protected abstract ProducerBackend wrap(ProducerBackend inner, MemoryBroker broker, BindingConfig config);
}
