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
package io.switchboard.spring;

import io.switchboard.Producer;
import io.switchboard.SendInterceptor;
import io.switchboard.Serializer;
import io.switchboard.Serializers;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * A Switchboard producer from {@code switchboard.*}: bean {@code switchboardProducer}, typed by the application's
 * {@link Serializer} bean (so {@code Producer<Order>} is injected), else by JSON when switchboard-json is present,
 * else {@code Producer<byte[]>}. Named producers come from {@code switchboard.producers.<name>}. The application
 * producer backs off when the application defines its own {@link Producer} (which may come from
 * {@link SwitchboardProducers}, still configured from {@code switchboard.*}).
 */
@AutoConfiguration(afterName = {
        "io.switchboard.spring.SwitchboardJsonAutoConfiguration",
        "io.switchboard.spring.SwitchboardObservabilityAutoConfiguration"})
@EnableConfigurationProperties(SwitchboardProperties.class)
@Import(NamedProducersRegistrar.class)
public class SwitchboardAutoConfiguration {

    /** Builds and closes the producers; the application's {@link SendInterceptor} beans apply to each. */
    @Bean
    @ConditionalOnMissingBean
    SwitchboardProducers switchboardProducers(SwitchboardProperties properties,
                                              ObjectProvider<Serializer<?>> serializer,
                                              ObjectProvider<SendInterceptor> interceptors) {
        Serializer<?> chosen;
        try {
            chosen = serializer.getIfAvailable(Serializers::bytes);
        } catch (NoUniqueBeanDefinitionException e) {
            throw new IllegalStateException("the application has " + e.getNumberOfBeansFound() + " Serializer beans "
                    + e.getBeanNamesFound() + " and Switchboard's producers take one: mark the one to use @Primary, or "
                    + "keep one", e);
        }
        return new SwitchboardProducers(properties, chosen, interceptors.orderedStream().toList());
    }

    /**
     * The application producer. Its value type is the serializer's: the generic method leaves it open, so Spring
     * injects it where {@code Producer<Order>} or {@code Producer<byte[]>} is asked for. Closed by
     * {@link SwitchboardProducers}, not here.
     */
    @Bean(destroyMethod = "")
    @Primary
    @ConditionalOnMissingBean(Producer.class)
    <V> Producer<V> switchboardProducer(SwitchboardProducers producers) {
        return producers.application();
    }
}
