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

import io.switchboard.MessagingException;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.spi.BindingConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything one producer needs from its configuration, checked before any connection is opened: Pulsar's client and
 * producer settings (the user's {@code pulsar.client.*} / {@code pulsar.producer.*} keys plus what the neutral
 * settings decide), the token, and the bound on open producers. {@link #toString()} hides secrets.
 *
 * @param settings     the neutral settings
 * @param client       Pulsar client settings for {@code ClientBuilder.loadConf}
 * @param producer     Pulsar producer settings for {@code ProducerBuilder.loadConf}
 * @param token        the JWT of {@value PulsarKeys#AUTH_TOKEN}, or null
 * @param maxProducers how many per-destination producers stay open
 * @param adminUrl     the admin API of {@value PulsarKeys#ADMIN_URL}, or null
 * @param secrets      secret values, to be kept out of every message the binding writes
 */
record PulsarConfiguration(ProducerSettings settings, Map<String, Object> client, Map<String, Object> producer,
                           String token, int maxProducers, URI adminUrl, Set<String> secrets) {

    private static final String SERVICE_URL = PulsarKeys.local(PulsarKeys.SERVICE_URL);
    private static final String CLIENT = PulsarKeys.local(PulsarKeys.CLIENT_PREFIX);
    private static final String PRODUCER = PulsarKeys.local(PulsarKeys.PRODUCER_PREFIX);
    private static final String AUTH_TOKEN = PulsarKeys.local(PulsarKeys.AUTH_TOKEN);
    private static final String MAX_PRODUCERS = PulsarKeys.local(PulsarKeys.MAX_PRODUCERS);
    private static final String ADMIN_URL = PulsarKeys.local(PulsarKeys.ADMIN_URL);

    /** Copies the maps. */
    PulsarConfiguration {
        client = Map.copyOf(client);
        producer = Map.copyOf(producer);
        secrets = Set.copyOf(secrets);
    }

    /**
     * Reads and checks a binding configuration.
     *
     * @throws MessagingException {@link Reason#INVALID_ARGUMENT} naming the key at fault (and, for a disagreement,
     *                            the neutral key it contradicts)
     */
    static PulsarConfiguration read(BindingConfig config) {
        Map<String, Object> client = new LinkedHashMap<>();
        Map<String, Object> producer = new LinkedHashMap<>();
        Set<String> secrets = new HashSet<>();
        String token = null;
        int maxProducers = PulsarKeys.DEFAULT_MAX_PRODUCERS;
        URI adminUrl = null;
        for (Map.Entry<String, String> entry : new TreeMap<>(config.properties()).entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue().strip();
            String fullKey = config.fullKey(key);
            if (isSecret(key) && !value.isEmpty()) {
                secrets.add(value);
            }
            if (key.equals(SERVICE_URL)) {
                client.put("serviceUrl", value);
            } else if (key.equals(AUTH_TOKEN)) {
                token = requireText(fullKey, value);
            } else if (key.equals(MAX_PRODUCERS)) {
                maxProducers = positive(fullKey, value);
            } else if (key.equals(ADMIN_URL)) {
                adminUrl = httpUrl(fullKey, value);
            } else if (key.startsWith(CLIENT) && key.length() > CLIENT.length()) {
                String name = key.substring(CLIENT.length());
                requireSettable(NativeSettingNames.CLIENT, name, fullKey);
                client.put(name, value);
            } else if (key.startsWith(PRODUCER) && key.length() > PRODUCER.length()) {
                String name = key.substring(PRODUCER.length());
                requireSettable(NativeSettingNames.PRODUCER, name, fullKey);
                producer.put(name, value);
            } else {
                throw invalid("unknown setting '" + fullKey + "'; the pulsar binding reads " + PulsarKeys.SERVICE_URL
                        + ", " + PulsarKeys.AUTH_TOKEN + ", " + PulsarKeys.ADMIN_URL + ", " + PulsarKeys.MAX_PRODUCERS + ", "
                        + PulsarKeys.CLIENT_PREFIX + "<Pulsar client setting> and " + PulsarKeys.PRODUCER_PREFIX
                        + "<Pulsar producer setting>");
            }
        }
        requireBindingOwnsWhatItOwns(config, token);
        if (!client.containsKey("serviceUrl")) {
            throw invalid(PulsarKeys.SERVICE_URL + " is missing; expected the broker's address, such as "
                    + PulsarKeys.SERVICE_URL + "=pulsar://localhost:6650 (or a pulsar://localhost:6650 URL)");
        }
        NeutralMapping.apply(config, client, producer);
        return new PulsarConfiguration(config.settings(), client, producer, token, maxProducers, adminUrl, secrets);
    }

    /** Keys whose values must never be shown: the core's rule, plus Pulsar's {@code authParams} spelling. */
    static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return BindingConfig.isSecret(key) || lower.contains("authparam") || lower.contains("password");
    }

    /** The binding decides these itself; a user value would be silently wrong, so it is refused. */
    private static void requireBindingOwnsWhatItOwns(BindingConfig config, String token) {
        if (config.property(PRODUCER + "topicName").isPresent()) {
            throw invalid("'" + config.fullKey(PRODUCER + "topicName") + "' cannot be set: each message's destination"
                    + " names its topic; remove the key");
        }
        String shortcut = config.property(SERVICE_URL).map(String::strip).orElse(null);
        String full = config.property(CLIENT + "serviceUrl").map(String::strip).orElse(null);
        if (shortcut != null && full != null && !shortcut.equals(full)) {
            throw invalid("'" + config.fullKey(SERVICE_URL) + "=" + shortcut + "' and '" + config.fullKey(CLIENT + "serviceUrl")
                    + "=" + full + "' disagree; set the service URL once");
        }
        if (token != null) {
            for (String plugin : new String[]{"authPluginClassName", "authParams", "authParamMap"}) {
                if (config.property(CLIENT + plugin).isPresent()) {
                    throw invalid("'" + PulsarKeys.AUTH_TOKEN + "' and '" + config.fullKey(CLIENT + plugin)
                            + "' both configure authentication; use one of them");
                }
            }
        }
    }

    private static void requireSettable(NativeSettingNames names, String name, String fullKey) {
        String problem = names.problemWith(name, fullKey);
        if (problem != null) {
            throw invalid(problem);
        }
    }

    private static String requireText(String fullKey, String value) {
        if (value.isEmpty()) {
            throw invalid("'" + fullKey + "' is empty; expected a value or no key at all");
        }
        return value;
    }

    private static int positive(String fullKey, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("'" + fullKey + "' is '" + value + "'; expected a whole number of 1 or more");
    }

    private static URI httpUrl(String fullKey, String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid("'" + fullKey + "' is '" + value + "'; expected the broker's HTTP admin URL, such as"
                + " http://localhost:8080");
    }

    private static MessagingException invalid(String message) {
        return new MessagingException(Reason.INVALID_ARGUMENT, message);
    }

    /** Replaces every secret value in {@code text} with asterisks. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "****");
        }
        if (token != null) {
            out = out.replace(token, "****");
        }
        return out;
    }

    @Override
    public String toString() {
        return "PulsarConfiguration[client=" + shown(client) + ", producer=" + shown(producer) + ", token="
                + (token == null ? "none" : "****") + ", maxProducers=" + maxProducers + (adminUrl == null ? "" : ", adminUrl=" + adminUrl) + "]";
    }

    private static Map<String, String> shown(Map<String, Object> values) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, isSecret(k) ? "****" : String.valueOf(v)));
        return out;
    }
}
