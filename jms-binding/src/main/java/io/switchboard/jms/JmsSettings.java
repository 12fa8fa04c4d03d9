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

import io.switchboard.spi.SecretMask;
import io.switchboard.Compression;
import io.switchboard.DeliveryGuarantee;
import io.switchboard.MessagingException;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.ClosestName;
import io.switchboard.spi.DeadlineMargin;
import jakarta.jms.DeliveryMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JMS binding's own keys ({@code jms.*}), read and checked once, before anything is opened.
 *
 * @param sessions              how many sessions (each on its own thread) send in parallel
 * @param user                  the user to connect as, or null for the factory's default
 * @param password              the password, or null
 * @param connectionFactoryName the JNDI name of the connection factory
 * @param jndi                  the JNDI environment ({@code jms.jndi.*} without the prefix); empty when the
 *                              factory is given in code
 * @param deliveryMode          the JMS delivery mode the guarantee maps to
 * @param clientId              the producer's name, for thread names and messages
 * @param secrets               the secret values, to keep them out of messages
 * @param deadlineMarginNanos   how long before a record's deadline the binding fails it itself, as never sent
 *                              ({@link DeadlineMargin} of the delivery timeout)
 */
record JmsSettings(int sessions, String user, String password, String connectionFactoryName,
                   Map<String, String> jndi, int deliveryMode, String clientId, SecretMask secrets,
                   long deadlineMarginNanos) {

    /** Key: the number of sessions. */
    static final String SESSIONS = "sessions";
    /** Key: the user name. */
    static final String USER = "user";
    /** Key: the password. */
    static final String PASSWORD = "password";
    /** Key: the JNDI name of the connection factory. */
    static final String CONNECTION_FACTORY = "connection-factory";
    /** Prefix of the JNDI environment keys. */
    static final String JNDI_PREFIX = "jndi.";

    static final int DEFAULT_SESSIONS = 4;
    static final int MAX_SESSIONS = 64;
    static final String DEFAULT_CONNECTION_FACTORY = "ConnectionFactory";

    private static final List<String> KEYS = List.of(SESSIONS, USER, PASSWORD, CONNECTION_FACTORY, JNDI_PREFIX + "*");

    /** Copies the JNDI map. */
    JmsSettings {
        jndi = Map.copyOf(jndi);
    }

    /**
     * Reads the binding's keys and the neutral settings it depends on.
     *
     * @throws MessagingException {@link Reason#INVALID_ARGUMENT} naming every bad key, or {@link Reason#UNSUPPORTED}
     *                            for a neutral setting JMS cannot honour
     */
    static JmsSettings from(BindingConfig config) {
        ProducerSettings neutral = config.settings();
        List<String> problems = new ArrayList<>();
        Map<String, String> jndi = new TreeMap<>();
        for (Map.Entry<String, String> entry : config.properties().entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(JNDI_PREFIX) && key.length() > JNDI_PREFIX.length()) {
                jndi.put(key.substring(JNDI_PREFIX.length()), entry.getValue());
            } else if (!KEYS.contains(key)) {
                problems.add("unknown setting '" + config.fullKey(key) + "'"
                        + ClosestName.among(key, KEYS).map(k -> "; did you mean '" + config.fullKey(k) + "'?").orElse("")
                        + " (the jms binding takes " + KEYS.stream().map(config::fullKey).toList() + ")");
            }
        }
        int sessions = sessions(config, problems);
        String user = blankToNull(config.property(USER).orElse(null));
        String password = config.property(PASSWORD).orElse(null);
        if (password != null && user == null) {
            problems.add("'" + config.fullKey(PASSWORD) + "' is set without '" + config.fullKey(USER)
                    + "'; set both, or neither to use the connection factory's own credentials");
        }
        String factoryName = config.property(CONNECTION_FACTORY).map(String::strip).orElse(DEFAULT_CONNECTION_FACTORY);
        if (factoryName.isEmpty()) {
            problems.add("'" + config.fullKey(CONNECTION_FACTORY) + "' is blank; expected the JNDI name of a"
                    + " ConnectionFactory (default " + DEFAULT_CONNECTION_FACTORY + ")");
        }
        if (!problems.isEmpty()) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "invalid jms settings: " + String.join("; ", problems));
        }
        requireHonourable(neutral);
        SecretMask secrets = SecretMask.of(config.properties());
        AsyncSendSwitches.requireSynchronous(neutral.guarantee(), jndi, config, secrets);
        return new JmsSettings(sessions, user, password, factoryName, jndi, deliveryMode(neutral.guarantee()),
                neutral.clientId(), secrets, DeadlineMargin.nanos(neutral.deliveryTimeout()));
    }

    private static int sessions(BindingConfig config, List<String> problems) {
        String text = config.property(SESSIONS).map(String::strip).orElse(null);
        if (text == null) {
            return DEFAULT_SESSIONS;
        }
        try {
            int sessions = Integer.parseInt(text);
            if (sessions >= 1 && sessions <= MAX_SESSIONS) {
                return sessions;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("'" + config.fullKey(SESSIONS) + "=" + text + "' is not a number from 1 to " + MAX_SESSIONS
                + " (the sessions, each with its own thread, that send in parallel; default " + DEFAULT_SESSIONS + ")");
        return DEFAULT_SESSIONS;
    }

    /** Neutral settings that JMS has no way to honour fail here rather than being ignored. */
    private static void requireHonourable(ProducerSettings neutral) {
        if (neutral.guarantee() == DeliveryGuarantee.EFFECTIVELY_ONCE) {
            throw new MessagingException(Reason.UNSUPPORTED, ProducerSettings.GUARANTEE + "=effectively-once needs"
                    + " duplicate detection, which the JMS API does not offer; use at-least-once");
        }
        if (neutral.compression() != Compression.NONE) {
            throw new MessagingException(Reason.UNSUPPORTED, ProducerSettings.COMPRESSION + "="
                    + neutral.compression().name().toLowerCase(Locale.ROOT) + " is not available: the JMS API has no"
                    + " compression. Remove the setting; some providers compress on their own (ActiveMQ Classic:"
                    + " jms.useCompression=true in the broker URL)");
        }
    }

    private static int deliveryMode(DeliveryGuarantee guarantee) {
        return guarantee == DeliveryGuarantee.AT_MOST_ONCE ? DeliveryMode.NON_PERSISTENT : DeliveryMode.PERSISTENT;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Whether the factory is to be looked up in JNDI. */
    boolean usesJndi() {
        return !jndi.isEmpty();
    }

    @Override
    public String toString() {
        return "JmsSettings[sessions=" + sessions + ", user=" + user + ", password=" + (password == null ? "none" : "****")
                + ", connection-factory=" + connectionFactoryName + ", jndi=" + secrets.scrub(BindingConfig.redacted(jndi).toString())
                + ", delivery-mode=" + (deliveryMode == DeliveryMode.PERSISTENT ? "persistent" : "non-persistent") + "]";
    }
}
