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
package io.switchboard.embedded.jms;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A JUnit 5 extension that injects running brokers: declare a parameter of type
 * {@link EmbeddedActiveMqClassic} or {@link EmbeddedArtemis} in a test, lifecycle method or constructor.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedJmsExtension.class)
 * class OrderPublisherTest {
 *     @Test
 *     void publishesOrders(EmbeddedArtemis broker) throws JMSException {
 *         try (Connection connection = broker.connectionFactory().createConnection()) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>Each broker is started when a test first asks for it and then shared by every test class of the run
 * that asks for the same broker with the same settings: it lives in the root {@link ExtensionContext}'s
 * store, which closes it (and deletes its store) when the run ends. Shared brokers keep their messages
 * between tests, so give each test destinations of its own. A test may stop or restart its broker; the
 * next test that asks for it gets it running again, on the same port and store.
 *
 * <p>To share brokers with other options, register the extension with builders:
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedJmsExtension JMS = EmbeddedJmsExtension.with(
 *         EmbeddedActiveMqClassic.builder().schedulerSupport(true).prioritizedMessages(true),
 *         EmbeddedArtemis.builder());
 * }</pre>
 * The builders' options are read once, when the extension is created. Classes that register the same
 * options share brokers; different options give different brokers.
 */
public final class EmbeddedJmsExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(EmbeddedJmsExtension.class);

    private final EmbeddedActiveMqClassic.Settings classicSettings;
    private final CommonSettings artemisSettings;

    /** Injects brokers with each broker's default options; used by {@code @ExtendWith}. */
    public EmbeddedJmsExtension() {
        this(EmbeddedActiveMqClassic.builder(), EmbeddedArtemis.builder());
    }

    private EmbeddedJmsExtension(EmbeddedActiveMqClassic.Builder classic, EmbeddedArtemis.Builder artemis) {
        this.classicSettings = Objects.requireNonNull(classic, "classic").settings();
        this.artemisSettings = Objects.requireNonNull(artemis, "artemis").settings();
    }

    /**
     * An extension that injects brokers built with the given options, for {@code @RegisterExtension}.
     *
     * @param classic the options of the injected {@link EmbeddedActiveMqClassic}
     * @param artemis the options of the injected {@link EmbeddedArtemis}
     * @return a new extension
     */
    public static EmbeddedJmsExtension with(EmbeddedActiveMqClassic.Builder classic, EmbeddedArtemis.Builder artemis) {
        return new EmbeddedJmsExtension(classic, artemis);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == EmbeddedActiveMqClassic.class || type == EmbeddedArtemis.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        EmbeddedJmsBroker broker;
        if (type == EmbeddedActiveMqClassic.class) {
            broker = shared(extensionContext, new SharedBrokerKey(type, classicSettings),
                    () -> new EmbeddedActiveMqClassic(classicSettings, BrokerLifecycle::pickFreePort));
        } else if (type == EmbeddedArtemis.class) {
            broker = shared(extensionContext, new SharedBrokerKey(type, artemisSettings),
                    () -> new EmbeddedArtemis(artemisSettings, BrokerLifecycle::pickFreePort));
        } else {
            throw new ParameterResolutionException("EmbeddedJmsExtension cannot inject " + type.getName());
        }
        try {
            broker.start(); // no-op when running; brings back a broker an earlier test stopped
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("Could not start " + broker.name() + " for "
                    + parameterContext.getDeclaringExecutable() + ": " + e.getMessage(), e);
        }
        return broker;
    }

    private static EmbeddedJmsBroker shared(ExtensionContext context, SharedBrokerKey key, Supplier<EmbeddedJmsBroker> creator) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(key, k -> new SharedBroker(creator.get()), SharedBroker.class)
                .broker();
    }

    /** A broker type and the settings it was built with; equal keys share one broker. */
    private record SharedBrokerKey(Class<?> type, Object settings) {
    }

    /**
     * Closes the shared broker when JUnit closes the root store. JUnit 5.13 and later close
     * {@link AutoCloseable} values; earlier versions only {@code CloseableResource}, hence both.
     */
    @SuppressWarnings("deprecation")
    private record SharedBroker(EmbeddedJmsBroker broker) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            broker.close();
        }
    }
}
