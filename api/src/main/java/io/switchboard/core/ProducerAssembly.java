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
package io.switchboard.core;

import io.switchboard.MessagingException;
import io.switchboard.Partitioner;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.SendInterceptor;
import io.switchboard.Serializer;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.BindingProvider;
import io.switchboard.spi.ProducerBackend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts a producer together from collected configuration: parses the neutral keys, selects the binding, sorts
 * out the binding's own keys, checks capabilities, and only then lets the binding open its client.
 */
public final class ProducerAssembly {
    private ProducerAssembly() {
    }

    /**
     * Creates a producer.
     *
     * @param values      every key, in the order the sources were given (later sources override earlier ones)
     * @param origins     where keys came from, for error messages
     * @param urlAddress  the address part of a configuration URL, or null
     */
    public static <V> Producer<V> create(Map<String, String> values, Map<String, String> origins, String urlAddress,
                                         Serializer<V> serializer, Partitioner partitioner,
                                         List<SendInterceptor> interceptors, Map<Class<?>, Object> resources,
                                         ClassLoader classLoader) {
        if (serializer == null) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "serializer is null; expected one such as Serializers.string()");
        }
        Map<String, String> neutral = new LinkedHashMap<>();
        Map<String, String> others = new LinkedHashMap<>();
        values.forEach((key, value) -> (key.startsWith(ProducerSettings.PREFIX) ? neutral : others).put(key, value));
        String interceptorNames = neutral.get(ProducerSettings.INTERCEPTORS);
        ProducerSettings settings = SettingsParser.parse(neutral, origins);
        BindingProvider provider = BindingDiscovery.select(settings.binding(), classLoader);
        String name = provider.name();
        Map<String, String> own = ownKeys(name, others, origins, BindingDiscovery.discover(classLoader).keySet());
        if (urlAddress != null) {
            provider.propertiesFromUrl(urlAddress).forEach(own::putIfAbsent);
        }
        Set<io.switchboard.Capability> capabilities = provider.capabilities();
        CoreProducer.requireSupported(name, capabilities, settings, partitioner != null);
        ProducerBackend backend = provider.createProducer(new BindingConfig(settings, name, own, resources));
        if (backend == null) {
            throw new MessagingException(Reason.INTERNAL, "the " + name + " binding returned no producer");
        }
        List<SendInterceptor> all = new ArrayList<>(InterceptorDiscovery.named(interceptorNames, classLoader));
        all.addAll(interceptors);
        return new CoreProducer<>(backend, name, capabilities, settings, serializer, partitioner, all);
    }

    /**
     * The selected binding's keys without their prefix. Keys of other bindings are allowed (one file may hold
     * the settings of every broker an application switches between) and ignored; anything else is an error.
     */
    private static Map<String, String> ownKeys(String binding, Map<String, String> others, Map<String, String> origins,
                                               Set<String> discovered) {
        Set<String> knownPrefixes = new TreeSet<>(BindingDiscovery.KNOWN_ARTIFACTS.keySet());
        knownPrefixes.addAll(discovered);
        Map<String, String> own = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : others.entrySet()) {
            String key = entry.getKey();
            int dot = key.indexOf('.');
            String prefix = dot > 0 ? key.substring(0, dot) : key;
            if (prefix.equals(binding) && dot > 0 && dot < key.length() - 1) {
                own.put(key.substring(dot + 1), entry.getValue());
            } else if (!knownPrefixes.contains(prefix) || dot < 0) {
                String origin = origins.get(key);
                throw new MessagingException(Reason.INVALID_ARGUMENT, "unknown setting '" + key + "'"
                        + (origin == null ? "" : " (from " + origin + ")") + "; expected a neutral key (switchboard.*) or"
                        + " the binding's own keys (" + binding + ".*, passed to its client as they are)");
            }
        }
        return own;
    }
}
