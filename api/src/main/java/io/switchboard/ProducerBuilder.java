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
package io.switchboard;

import io.switchboard.core.ProducerAssembly;

import java.io.IOException;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Configures and creates a {@link Producer}. Sources apply in call order; a later source overrides an earlier
 * one key by key. Errors name the key and, for keys from a file, URL or environment variable, where it came
 * from.
 *
 * <pre>{@code
 * Producer<String> producer = Switchboard.builder(Serializers.string())
 *         .file(Path.of("messaging.properties"))
 *         .environment()                               // SWITCHBOARD_DELIVERY_TIMEOUT=10s overrides the file
 *         .property("switchboard.client-id", "orders")
 *         .build();
 * }</pre>
 *
 * @param <V> the value type
 */
public final class ProducerBuilder<V> {
    /** Environment variables with this prefix are read by {@link #environment()}. */
    public static final String ENVIRONMENT_PREFIX = "SWITCHBOARD_";

    private final Serializer<V> serializer;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> origins = new HashMap<>();
    private final List<SendInterceptor> interceptors = new ArrayList<>();
    private final Map<Class<?>, Object> resources = new HashMap<>();
    private String urlAddress;
    private Partitioner partitioner;
    private ClassLoader classLoader;

    ProducerBuilder(Serializer<V> serializer) {
        this.serializer = serializer;
    }

    /** Sets one key ({@code switchboard.*} or the binding's own, such as {@code kafka.acks}). */
    public ProducerBuilder<V> property(String key, Object value) {
        return put(key, value, null);
    }

    /** Sets every entry of the map. */
    public ProducerBuilder<V> properties(Map<String, ?> map) {
        requireArgument(map != null, "properties map is null");
        map.forEach(this::property);
        return this;
    }

    /** Sets every entry of the properties. */
    public ProducerBuilder<V> properties(Properties properties) {
        requireArgument(properties != null, "properties are null");
        properties.stringPropertyNames().forEach(key -> property(key, properties.getProperty(key)));
        return this;
    }

    /** Reads a {@code .properties} file (UTF-8). */
    public ProducerBuilder<V> file(Path path) {
        requireArgument(path != null, "configuration file path is null");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "cannot read the configuration file " + path + ": " + e
                    + "; expected a readable .properties file", e);
        }
        properties.stringPropertyNames().forEach(key -> put(key, properties.getProperty(key), "file " + path));
        return this;
    }

    /** Reads the process's {@code SWITCHBOARD_*} environment variables (see {@link #environment(Map)}). */
    public ProducerBuilder<V> environment() {
        return environment(System.getenv());
    }

    /**
     * Reads {@code SWITCHBOARD_*} variables from {@code environment}: {@code SWITCHBOARD_DELIVERY_TIMEOUT=10s} sets
     * {@code switchboard.delivery-timeout}; {@code SWITCHBOARD_KAFKA_BOOTSTRAP_SERVERS} sets
     * {@code kafka.bootstrap.servers} (a binding's keys: lower case, underscores become dots). Keys with capitals
     * or dashes in a binding's own names (Pulsar's {@code serviceUrl}) need a file or code instead.
     */
    public ProducerBuilder<V> environment(Map<String, String> environment) {
        requireArgument(environment != null, "environment map is null");
        environment.forEach((variable, value) -> {
            if (variable.startsWith(ENVIRONMENT_PREFIX) && variable.length() > ENVIRONMENT_PREFIX.length()) {
                put(keyOfVariable(variable.substring(ENVIRONMENT_PREFIX.length())), value, "environment variable " + variable);
            }
        });
        return this;
    }

    /**
     * Reads a URL: the scheme names the binding, the address goes to the binding ({@code kafka://h1:9092,h2:9092}
     * sets Kafka's bootstrap servers), and query parameters are the binding's keys, or neutral ones when they start
     * with {@code switchboard.}: {@code kafka://localhost:9092?acks=all&switchboard.delivery-timeout=10s}.
     */
    public ProducerBuilder<V> url(String url) {
        requireArgument(url != null && !url.isBlank(), "URL is " + (url == null ? "null" : "blank"));
        int schemeEnd = url.indexOf("://");
        requireArgument(schemeEnd > 0, "URL '" + url + "' has no scheme; expected a binding name and an address, such as"
                + " kafka://localhost:9092 or memory://");
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = url.substring(schemeEnd + 3);
        int query = rest.indexOf('?');
        String origin = "URL " + scheme + "://" + (query < 0 ? rest : rest.substring(0, query));
        put(ProducerSettings.BINDING, scheme, origin);
        urlAddress = query < 0 ? rest : rest.substring(0, query);
        if (query >= 0) {
            for (String parameter : rest.substring(query + 1).split("&")) {
                if (parameter.isEmpty()) {
                    continue;
                }
                int eq = parameter.indexOf('=');
                requireArgument(eq > 0, "URL parameter '" + parameter + "' has no value; expected key=value");
                String key = URLDecoder.decode(parameter.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(parameter.substring(eq + 1), StandardCharsets.UTF_8);
                put(key.startsWith(ProducerSettings.PREFIX) ? key : scheme + "." + key, value, origin);
            }
        }
        return this;
    }

    /** Places every message with this function instead of the configured strategy (needs {@link Capability#PARTITIONS}). */
    public ProducerBuilder<V> partitioner(Partitioner partitioner) {
        requireArgument(partitioner != null, "partitioner is null");
        this.partitioner = partitioner;
        return this;
    }

    /** Adds an interceptor, called for every send in the order added. */
    public ProducerBuilder<V> interceptor(SendInterceptor interceptor) {
        requireArgument(interceptor != null, "interceptor is null");
        interceptors.add(interceptor);
        return this;
    }

    /**
     * Gives the binding an object it cannot get from text keys, such as a JMS {@code ConnectionFactory}.
     */
    public <T> ProducerBuilder<V> resource(Class<T> type, T object) {
        requireArgument(type != null && object != null, "resource type and object must not be null");
        resources.put(type, object);
        return this;
    }

    /** The class loader that bindings are looked up in (default: the thread's context class loader). */
    public ProducerBuilder<V> classLoader(ClassLoader classLoader) {
        requireArgument(classLoader != null, "class loader is null");
        this.classLoader = classLoader;
        return this;
    }

    /**
     * Creates the producer.
     *
     * @throws MessagingException {@link Reason#INVALID_ARGUMENT} for bad settings or binding selection,
     *                            {@link Reason#UNSUPPORTED} for features the binding lacks, or what the binding
     *                            reports when its client cannot start
     */
    public Producer<V> build() {
        ClassLoader loader = classLoader != null ? classLoader
                : Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader()
                : ProducerBuilder.class.getClassLoader();
        return ProducerAssembly.create(values, origins, urlAddress, serializer, partitioner, interceptors, resources, loader);
    }

    private ProducerBuilder<V> put(String key, Object value, String origin) {
        requireArgument(key != null && !key.isBlank(), "a configuration key is " + (key == null ? "null" : "blank"));
        requireArgument(value != null, "the value of '" + key + "' is null; expected text");
        String k = key.strip();
        values.remove(k);
        values.put(k, String.valueOf(value));
        if (origin == null) {
            origins.remove(k);
        } else {
            origins.put(k, origin);
        }
        return this;
    }

    private static String keyOfVariable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String key : ProducerSettings.KEYS) {
            String spelled = key.substring(ProducerSettings.PREFIX.length()).replace('.', '_').replace('-', '_');
            if (spelled.equals(lower)) {
                return key;
            }
        }
        int underscore = lower.indexOf('_');
        String first = underscore < 0 ? lower : lower.substring(0, underscore);
        if (io.switchboard.core.BindingDiscovery.isBindingName(first)) {
            return lower.replace('_', '.');
        }
        // not a known neutral key: keep it neutral so that the parser names it and suggests the closest key
        return ProducerSettings.PREFIX + lower.replace('_', '-');
    }

    private static void requireArgument(boolean condition, String problem) {
        if (!condition) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, problem);
        }
    }
}
