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
package io.switchboard.embedded.kafka;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests one real Kafka broker for the whole test run.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedKafkaExtension.class)
 * class OrderPublisherTest {
 *     @Test
 *     void publishes(EmbeddedKafka kafka) {            // or a constructor parameter
 *         kafka.createTopic("orders", 3);
 *         ... kafka.bootstrapServers() ...
 *     }
 * }
 * }</pre>
 *
 * <p>The broker ({@code EmbeddedKafka.builder().build()}, all defaults) starts when the first test asks
 * for it, so classes that do not need it pay nothing. It is kept in the root
 * {@link ExtensionContext} store and shared by every test class of the run, then closed (stopped and
 * its data deleted) when the run ends; this relies on JUnit closing {@link AutoCloseable} store values,
 * as JUnit 5.13 and later do. Works the same with {@code @RegisterExtension}.
 *
 * <p>Tests share the broker, so give topics unique names. A test that needs its own broker (to stop it,
 * or with SASL) builds an {@link EmbeddedKafka} itself. If a test stops the shared broker anyway, the
 * next test that asks for it gets it started again on the same data and ports.
 */
public final class EmbeddedKafkaExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(EmbeddedKafkaExtension.class);

    /** For {@code @ExtendWith(EmbeddedKafkaExtension.class)} and {@code @RegisterExtension}. */
    public EmbeddedKafkaExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedKafka.class;
    }

    @Override
    public EmbeddedKafka resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sharedBroker(extensionContext);
    }

    /**
     * The run's shared broker, started on first use. For extensions and fixtures that need it outside a
     * parameter (in a {@code BeforeAllCallback}, say).
     *
     * @param context any extension context of the run
     * @return the running shared broker
     */
    public static EmbeddedKafka sharedBroker(ExtensionContext context) {
        EmbeddedKafka kafka = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(EmbeddedKafka.class, key -> EmbeddedKafka.builder().build().start(),
                        EmbeddedKafka.class);
        return kafka.isRunning() ? kafka : kafka.start();
    }
}
