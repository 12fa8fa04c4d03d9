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
package io.switchboard.memory;

import io.switchboard.Capability;
import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.BindingProvider;
import io.switchboard.spi.ProducerBackend;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code memory} binding: producers write to a {@link MemoryBroker} in this JVM. Keys: {@code memory.broker}
 * (the broker's name, default {@value MemoryBroker#DEFAULT_NAME}); URL {@code memory://name}.
 */
public final class MemoryBindingProvider implements BindingProvider {
    /** The binding's name. */
    public static final String NAME = "memory";
    /** The key naming the broker. */
    public static final String BROKER = "broker";

    @Override
    public String name() {
        return NAME;
    }

    /** Every capability: the memory broker keeps every field, so tests can check any of them. */
    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public ProducerBackend createProducer(BindingConfig config) {
        for (String key : config.properties().keySet()) {
            if (!key.equals(BROKER)) {
                throw new MessagingException(Reason.INVALID_ARGUMENT, "unknown setting '" + config.fullKey(key)
                        + "'; the memory binding takes only " + config.fullKey(BROKER) + " (the broker's name)");
            }
        }
        MemoryBroker broker = MemoryBroker.named(config.property(BROKER).orElse(MemoryBroker.DEFAULT_NAME));
        return new MemoryProducerBackend(broker, config.settings());
    }

    @Override
    public Map<String, String> propertiesFromUrl(String address) {
        String name = address.startsWith("/") ? address.substring(1) : address;
        return name.isEmpty() ? Map.of() : Map.of(BROKER, name);
    }
}
