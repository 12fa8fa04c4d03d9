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
package io.switchboard.kafka;

import io.switchboard.spi.SecretMask;
import io.switchboard.Capability;
import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.BindingProvider;
import io.switchboard.spi.ProducerBackend;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code kafka} binding: Switchboard producers on Apache Kafka's own {@code KafkaProducer}. Found by
 * {@link java.util.ServiceLoader}; selected with {@code switchboard.binding=kafka} or a {@code kafka://host:9092}
 * URL. Keys under {@code kafka.} go to the {@code KafkaProducer} as they are; the neutral keys decide acks,
 * idempotence, timeouts, sizes and compression (see the module's README for the tables).
 *
 * <p>Capabilities: partitions, timestamps, at-most-once ({@code acks=0}) and effectively-once (the idempotent
 * producer). Kafka has no queues, delivery delay, per-message time to live or priority.
 */
public final class KafkaBindingProvider implements BindingProvider {
    /** The binding's name, key prefix and URL scheme. */
    public static final String NAME = "kafka";

    /** For {@link java.util.ServiceLoader}. */
    public KafkaBindingProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.PARTITIONS, Capability.TIMESTAMPS, Capability.AT_MOST_ONCE, Capability.EFFECTIVELY_ONCE);
    }

    /**
     * Checks and translates the configuration, then creates the {@code KafkaProducer}, which connects lazily: no
     * call here waits for a broker.
     */
    @Override
    public ProducerBackend createProducer(BindingConfig config) {
        KafkaSettings.Translation translation = KafkaSettings.translate(config);
        KafkaProducer<byte[], byte[]> producer;
        try {
            producer = new KafkaProducer<>(translation.properties(), new ByteArraySerializer(), new ByteArraySerializer());
        } catch (RuntimeException e) {
            throw KafkaFailures.creation(SecretMask.of(config.properties()).scrub(e));
        }
        try {
            return new KafkaProducerBackend(producer, config.settings().clientId(),
                    config.settings().deliveryTimeout(), translation.timings());
        } catch (RuntimeException | Error e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    /** {@code kafka://h1:9092,h2:9092} gives {@code bootstrap.servers=h1:9092,h2:9092}. */
    @Override
    public Map<String, String> propertiesFromUrl(String address) {
        String servers = address.strip();
        while (servers.endsWith("/")) {
            servers = servers.substring(0, servers.length() - 1);
        }
        if (servers.isEmpty()) {
            return Map.of();
        }
        if (servers.contains("/")) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "the kafka URL's address '" + servers
                    + "' has a path; expected brokers only, as kafka://host1:9092,host2:9092");
        }
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    }
}
