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
package io.switchboard.embedded.pulsar;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects a running {@link EmbeddedPulsar} into test constructors, lifecycle methods and
 * test methods.
 *
 * <p>The broker starts on first use and is shared by every test class of the run that asks for the same
 * configuration; JUnit closes it (and deletes its data) when the run ends. A test that stopped the shared broker
 * gets it started again the next time it is injected.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedPulsarExtension.class)
 * class OrdersTest {
 *     @Test
 *     void sends(EmbeddedPulsar pulsar) throws Exception {
 *         try (PulsarClient client = PulsarClient.builder().serviceUrl(pulsar.serviceUrl()).build()) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>For a configured broker, register an instance; classes registering equal configurations share one broker:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedPulsarExtension PULSAR =
 *         new EmbeddedPulsarExtension(EmbeddedPulsar.builder().deduplication(true));
 * }</pre>
 */
public final class EmbeddedPulsarExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(EmbeddedPulsarExtension.class);

    private final BrokerSettings settings;

    /** A broker with the builder's defaults; the form {@code @ExtendWith} uses. */
    public EmbeddedPulsarExtension() {
        this(EmbeddedPulsar.builder());
    }

    /**
     * A broker configured by a builder. The builder's current settings are copied; later changes to it have no
     * effect.
     *
     * @param builder the configuration of the shared broker
     */
    public EmbeddedPulsarExtension(EmbeddedPulsar.Builder builder) {
        this.settings = builder.settings();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedPulsar.class;
    }

    @Override
    public EmbeddedPulsar resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sharedBroker(extensionContext);
    }

    /**
     * This extension's running broker, for a class that registers several extensions and so cannot take the
     * broker as a parameter. The root context's store lives for the whole run and closes its
     * {@link AutoCloseable} values at the end, which is what makes one broker serve many test classes.
     *
     * @param context any extension context of the run
     * @return the running broker of this configuration
     */
    public EmbeddedPulsar sharedBroker(ExtensionContext context) {
        Store store = context.getRoot().getStore(NAMESPACE);
        synchronized (EmbeddedPulsarExtension.class) {
            EmbeddedPulsar pulsar = store.get(settings, EmbeddedPulsar.class);
            if (pulsar == null || pulsar.isClosed()) {
                pulsar = new EmbeddedPulsar(settings);
                store.put(settings, pulsar);
            }
            pulsar.start();
            return pulsar;
        }
    }
}
