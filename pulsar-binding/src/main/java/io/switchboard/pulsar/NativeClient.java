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

import io.switchboard.DeliveryGuarantee;
import io.switchboard.Reason;
import org.apache.pulsar.client.api.Authentication;
import org.apache.pulsar.client.api.AuthenticationFactory;
import org.apache.pulsar.client.api.ClientBuilder;
import org.apache.pulsar.client.api.ProducerBuilder;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Pulsar's side of one producer, built from a checked configuration: the client (which connects only when a
 * destination's producer opens), the producer settings every destination's producer starts from, and the
 * deduplication check if one was asked for.
 *
 * @param client        the client
 * @param template      the producer settings, cloned for each destination
 * @param deduplication the check of {@value PulsarKeys#ADMIN_URL} under effectively-once, or null
 */
record NativeClient(PulsarClient client, ProducerBuilder<byte[]> template, DeduplicationCheck deduplication) {
    /** Producer metadata (shown in the broker's topic stats, not on messages) naming the Switchboard producer. */
    static final String CLIENT_ID_PROPERTY = "switchboard.client-id";

    /**
     * Builds it all, or fails {@link Reason#INVALID_ARGUMENT} naming the key Pulsar refuses.
     */
    static NativeClient open(PulsarConfiguration configuration, PulsarFailures failures) {
        DeduplicationCheck deduplication = deduplicationCheck(configuration, failures);
        PulsarClient client = buildClient(configuration, failures);
        try {
            ProducerBuilder<byte[]> template = client.newProducer();
            loadProducerSettings(template, configuration, failures);
            template.property(CLIENT_ID_PROPERTY, configuration.settings().clientId());
            return new NativeClient(client, template, deduplication);
        } catch (RuntimeException e) {
            client.closeAsync();
            throw e;
        }
    }

    private static PulsarClient buildClient(PulsarConfiguration configuration, PulsarFailures failures) {
        ClientBuilder builder = PulsarClient.builder();
        try {
            builder.loadConf(new HashMap<>(configuration.client()));
        } catch (RuntimeException e) {
            throw failures.settings(culprit(configuration.client(), PulsarKeys.CLIENT_PREFIX,
                    one -> PulsarClient.builder().loadConf(one)), e);
        }
        if (configuration.token() != null) {
            builder.authentication(AuthenticationFactory.token(configuration.token()));
        }
        try {
            return builder.build();
        } catch (PulsarClientException | RuntimeException e) {
            throw failures.client(e);
        }
    }

    @SuppressWarnings("deprecation") // maxPendingMessagesAcrossPartitions: deprecated by Pulsar, still a user's choice
    private static void loadProducerSettings(ProducerBuilder<byte[]> template, PulsarConfiguration configuration,
                                             PulsarFailures failures) {
        Map<String, Object> settings = new HashMap<>(configuration.producer());
        // Pulsar's loadConf sets fields one by one and checks maxPendingMessagesAcrossPartitions against
        // maxPendingMessages as it goes, so it refuses any maxPendingMessages over its own default across-partitions
        // value (0). The builder's methods, called in this order, set both without that trap.
        Object maxPending = settings.remove("maxPendingMessages");
        Object acrossPartitions = settings.remove("maxPendingMessagesAcrossPartitions");
        try {
            template.loadConf(settings);
        } catch (RuntimeException e) {
            throw failures.settings(culprit(settings, PulsarKeys.PRODUCER_PREFIX, one -> template.clone().loadConf(one)), e);
        }
        String key = PulsarKeys.PRODUCER_PREFIX + "maxPendingMessages";
        try {
            if (maxPending != null) {
                template.maxPendingMessages(Integer.parseInt(maxPending.toString().strip()));
            }
            key = PulsarKeys.PRODUCER_PREFIX + "maxPendingMessagesAcrossPartitions";
            if (acrossPartitions != null) {
                template.maxPendingMessagesAcrossPartitions(Integer.parseInt(acrossPartitions.toString().strip()));
            }
        } catch (RuntimeException e) {
            throw failures.settings(key, e);
        }
    }

    /** The first key Pulsar refuses on its own, for naming it: Pulsar's error names none. */
    private static String culprit(Map<String, Object> settings, String prefix, Consumer<Map<String, Object>> load) {
        for (Map.Entry<String, Object> entry : settings.entrySet()) {
            try {
                load.accept(new HashMap<>(Map.of(entry.getKey(), entry.getValue())));
            } catch (RuntimeException e) {
                return prefix + entry.getKey();
            }
        }
        return prefix + "*";
    }

    private static DeduplicationCheck deduplicationCheck(PulsarConfiguration configuration, PulsarFailures failures) {
        if (configuration.adminUrl() == null
                || configuration.settings().guarantee() != DeliveryGuarantee.EFFECTIVELY_ONCE) {
            return null;
        }
        Duration timeout = Duration.ofMillis(NeutralMapping.sendTimeoutMillis(configuration.settings().deliveryTimeout()));
        Object plugin = configuration.client().get("authPluginClassName");
        try {
            // the admin API wants the same credentials as the broker: the token, or the configured plugin's
            Authentication authentication = configuration.token() != null
                    ? AuthenticationFactory.token(configuration.token())
                    : plugin == null ? null
                    : AuthenticationFactory.create(plugin.toString(),
                    String.valueOf(configuration.client().getOrDefault("authParams", "")));
            if (authentication != null) {
                authentication.start();
            }
            return new DeduplicationCheck(configuration.adminUrl(), authentication, timeout);
        } catch (PulsarClientException | RuntimeException e) {
            throw failures.client(e);
        }
    }

    @Override
    public String toString() {
        return "NativeClient[" + client + "]";
    }
}
