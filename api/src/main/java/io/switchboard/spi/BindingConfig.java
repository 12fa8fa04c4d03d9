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
package io.switchboard.spi;

import io.switchboard.MessagingException;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a binding gets to create a producer: the neutral settings, its own keys (prefix removed), and objects
 * given in code (a JMS {@code ConnectionFactory}, say). {@link #toString()} hides secrets.
 *
 * @param settings   the neutral settings
 * @param prefix     the binding's key prefix without the dot ("kafka")
 * @param properties the binding's own keys without the prefix, to pass to its client
 * @param resources  objects given with {@code ProducerBuilder.resource(type, object)}, by type
 */
public record BindingConfig(ProducerSettings settings, String prefix, Map<String, String> properties,
                            Map<Class<?>, Object> resources) {

    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(password|passwd|secret|token|credential|jaas|private|apikey|api-key|auth[._\\-]?params|(^|[.\\-_])key$).*");

    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([\\w.\\-]*(?:password|passwd|pwd|secret|token|credentials?)[\\w.\\-]*)=([^&;,\\s]+)");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(://[^:/@\\s]+):[^@/\\s]+@");

    /** Copies the maps. */
    public BindingConfig {
        properties = Map.copyOf(properties);
        resources = Map.copyOf(resources);
    }

    /** A binding key's value (key without the prefix). */
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /** An object given in code, by type. */
    public <T> Optional<T> resource(Class<T> type) {
        return Optional.ofNullable(type.cast(resources.get(type)));
    }

    /** The full key, with prefix, as users write it ({@code kafka.acks}). */
    public String fullKey(String key) {
        return prefix + "." + key;
    }

    /**
     * Fails with {@link Reason#INVALID_ARGUMENT} when the user set the binding key {@code key} to something
     * other than what the neutral setting {@code neutralKey} requires.
     *
     * @param allowed     whether the user's value agrees with the neutral setting
     * @param neutralKey  the neutral key the value is derived from
     * @param neutralValue the neutral value as the user would write it
     * @param fix          what to do instead
     */
    public void requireAgreement(String key, java.util.function.Predicate<String> allowed, String neutralKey,
                                 String neutralValue, String fix) {
        String value = properties.get(key);
        if (value != null && !allowed.test(value.strip())) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "'" + fullKey(key) + "=" + shown(key, value)
                    + "' contradicts '" + neutralKey + "=" + neutralValue + "'; " + fix);
        }
    }

    /** Whether a key names a secret (password, token, key material) that must never be printed. */
    public static boolean isSecret(String key) {
        return SECRET.matcher(key).matches();
    }

    /**
     * A value as it may be shown: secrets masked, including those written inside URLs
     * ({@code tcp://h?password=..}, {@code amqp://user:..@h}).
     */
    public static String shown(String key, String value) {
        if (isSecret(key)) {
            return "****";
        }
        if (value == null) {
            return null;
        }
        String masked = SECRET_PARAMETER.matcher(value).replaceAll("$1=****");
        return USER_INFO_PASSWORD.matcher(masked).replaceAll("$1:****@");
    }

    /** The properties with secret values masked, sorted by key, for logs and output. */
    public static Map<String, String> redacted(Map<String, String> properties) {
        return properties.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> shown(e.getKey(), e.getValue()), (a, b) -> b, TreeMap::new));
    }

    @Override
    public String toString() {
        return "BindingConfig[" + prefix + ", settings=" + settings + ", properties=" + redacted(properties)
                + ", resources=" + resources.keySet().stream().map(Class::getSimpleName).sorted().toList() + "]";
    }
}
