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
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Defect: takes a password ({@code <name>.password}) and logs its whole configuration, unmasked, when it creates
 * a producer, as a binding that prints its settings for support does when it forgets to mask them. Everything
 * else works.
 */
public final class LeaksSecretsBinding extends WrappingBindingProvider {
    /** The binding's name. */
    public static final String NAME = "broken-leaks-secrets";
    /** The key of the password it takes. */
    public static final String PASSWORD = "password";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProducerBackend createProducer(BindingConfig config) {
        LoggerFactory.getLogger(LeaksSecretsBinding.class).info("creating a producer with {}", config.properties());
        Map<String, String> rest = new LinkedHashMap<>(config.properties());
        rest.remove(PASSWORD);
        return super.createProducer(new BindingConfig(config.settings(), config.prefix(), rest, config.resources()));
    }

    @Override
    protected ProducerBackend wrap(ProducerBackend inner, MemoryBroker broker, BindingConfig config) {
        return inner;
    }
}
