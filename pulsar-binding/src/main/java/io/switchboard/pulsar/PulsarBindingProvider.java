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
package io.switchboard.pulsar;

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
 * The {@code pulsar} binding: Switchboard producers on Apache Pulsar's own client. Selected with
 * {@code switchboard.binding=pulsar} or a {@code pulsar://host:6650} URL; configured with {@link PulsarKeys}.
 *
 * <p>Capabilities: {@link Capability#PARTITIONS} (partitioned topics), {@link Capability#TIMESTAMPS} (event time),
 * {@link Capability#DELIVERY_DELAY} (Pulsar's delayed delivery, which shared and key-shared subscriptions honour)
 * and {@link Capability#EFFECTIVELY_ONCE} (broker-side deduplication, which must be enabled for the namespace).
 * Not offered: at-most-once (the client resends unacknowledged messages after a reconnect, so a message can be
 * duplicated whatever the topic), per-message time to live, priority, and queues.
 */
public final class PulsarBindingProvider implements BindingProvider {

    @Override
    public String name() {
        return PulsarKeys.BINDING;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.PARTITIONS, Capability.TIMESTAMPS, Capability.DELIVERY_DELAY,
                Capability.EFFECTIVELY_ONCE);
    }

    @Override
    public ProducerBackend createProducer(BindingConfig config) {
        PulsarConfiguration configuration = PulsarConfiguration.read(config);
        return PulsarProducerBackend.open(configuration);
    }

    /** {@code pulsar://host:6650} and {@code pulsar://h1:6650,h2:6650}: the address becomes the service URL. */
    @Override
    public Map<String, String> propertiesFromUrl(String address) {
        String hosts = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
        if (hosts.isEmpty()) {
            return Map.of();
        }
        if (hosts.contains("/")) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "the pulsar URL's address '" + address
                    + "' has a path; expected host:port or host1:port,host2:port, as in pulsar://localhost:6650");
        }
        return Map.of(PulsarKeys.local(PulsarKeys.SERVICE_URL), "pulsar://" + hosts);
    }
}
