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
package io.switchboard.jms;

import io.switchboard.Capability;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.BindingProvider;
import io.switchboard.spi.ProducerBackend;

import java.util.EnumSet;
import java.util.Set;

/**
 * The {@code jms} binding: producers on any Jakarta Messaging 3 provider, through the JMS API only (tested on
 * ActiveMQ Classic and Artemis). The {@link jakarta.jms.ConnectionFactory} is given in code
 * ({@code ProducerBuilder.resource(ConnectionFactory.class, factory)}) or looked up in JNDI ({@code jms.jndi.*});
 * the other keys are {@code jms.user}, {@code jms.password}, {@code jms.connection-factory} and {@code jms.sessions}.
 * The module's README has the mappings, guarantees and errors.
 *
 * <p>Capabilities, the same for every provider (a producer's capabilities cannot depend on the provider found at
 * run time): {@link Capability#QUEUES} (queues by default, topics when the destination says so),
 * {@link Capability#PRIORITY}, {@link Capability#TIME_TO_LIVE} and {@link Capability#AT_MOST_ONCE}. Not claimed:
 * {@link Capability#DELIVERY_DELAY} (ActiveMQ Classic's client does not implement JMS 2 delivery delay),
 * {@link Capability#TIMESTAMPS} (the provider sets {@code JMSTimestamp} itself), {@link Capability#PARTITIONS} and
 * {@link Capability#EFFECTIVELY_ONCE} (JMS has neither).
 */
public final class JmsBindingProvider implements BindingProvider {
    /** The binding's name, key prefix and URL scheme. */
    public static final String NAME = "jms";

    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.QUEUES, Capability.PRIORITY,
            Capability.TIME_TO_LIVE, Capability.AT_MOST_ONCE));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /**
     * Reads the settings, finds the connection factory and connects, all bounded by the delivery timeout.
     *
     * @throws io.switchboard.MessagingException {@code INVALID_ARGUMENT} for bad {@code jms.*} keys or JNDI
     *                                           settings, {@code UNSUPPORTED} for a neutral setting JMS cannot
     *                                           honour, {@code UNAUTHENTICATED} for refused credentials,
     *                                           {@code UNAVAILABLE} or {@code TIMEOUT} when the broker cannot be reached
     */
    @Override
    public ProducerBackend createProducer(BindingConfig config) {
        JmsSettings settings = JmsSettings.from(config);
        FactorySource source = FactorySource.resolve(config, settings);
        return JmsProducerBackend.open(source, settings, config.settings().deliveryTimeout());
    }
}
