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
import io.switchboard.Reason;
import io.switchboard.spi.BindingProvider;
import io.switchboard.spi.ClosestName;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Finds bindings with {@link ServiceLoader} on an explicit class loader and picks one by name. Never a silent
 * pick: no binding, an unknown name, two bindings with one name, or several bindings and no name are each an
 * error that says what was found and what to do.
 */
public final class BindingDiscovery {
    /** The artifacts of Switchboard's own bindings, for "add this to your build" hints. */
    static final Map<String, String> KNOWN_ARTIFACTS = knownArtifacts();

    private BindingDiscovery() {
    }

    private static Map<String, String> knownArtifacts() {
        Map<String, String> artifacts = new LinkedHashMap<>();
        artifacts.put("kafka", "io.switchboard:switchboard-kafka");
        artifacts.put("pulsar", "io.switchboard:switchboard-pulsar");
        artifacts.put("jms", "io.switchboard:switchboard-jms");
        artifacts.put("memory", "io.switchboard:switchboard-memory");
        return artifacts;
    }

    /** Whether {@code name} is one of Switchboard's bindings or a binding on the context class path. */
    public static boolean isBindingName(String name) {
        if (KNOWN_ARTIFACTS.containsKey(name)) {
            return true;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return discover(context != null ? context : BindingDiscovery.class.getClassLoader()).containsKey(name);
    }

    /** Every binding on the class path, by name; each name may have several providers (an error when used). */
    public static Map<String, List<BindingProvider>> discover(ClassLoader classLoader) {
        Map<String, List<BindingProvider>> byName = new TreeMap<>();
        ServiceLoader<BindingProvider> loader = ServiceLoader.load(BindingProvider.class, classLoader);
        try {
            for (BindingProvider provider : loader) {
                byName.computeIfAbsent(provider.name(), n -> new ArrayList<>()).add(provider);
            }
        } catch (ServiceConfigurationError e) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "a Switchboard binding on the class path could not be "
                    + "loaded: " + e.getMessage() + "; fix or remove that jar", e);
        }
        return byName;
    }

    /**
     * The binding to use.
     *
     * @param name the requested name ({@code switchboard.binding} or a URL scheme), or null for "the only one"
     */
    public static BindingProvider select(String name, ClassLoader classLoader) {
        Map<String, List<BindingProvider>> found = discover(classLoader);
        if (found.isEmpty()) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "no Switchboard binding is on the class path"
                    + (name == null ? "" : " (switchboard.binding=" + name + ")") + "; add one of "
                    + (name != null && KNOWN_ARTIFACTS.containsKey(name) ? KNOWN_ARTIFACTS.get(name)
                    : KNOWN_ARTIFACTS.entrySet().stream().map(e -> e.getValue() + " (" + e.getKey() + ")")
                    .collect(Collectors.joining(", "))));
        }
        if (name == null) {
            if (found.size() > 1) {
                throw new MessagingException(Reason.INVALID_ARGUMENT, "switchboard.binding is not set and several bindings"
                        + " are on the class path: " + found.keySet() + "; set switchboard.binding to one of them");
            }
            name = found.keySet().iterator().next();
        }
        List<BindingProvider> named = found.get(name);
        if (named == null) {
            String hint = KNOWN_ARTIFACTS.containsKey(name) ? "; add " + KNOWN_ARTIFACTS.get(name) + " to the class path"
                    : "";
            String close = ClosestName.among(name, found.keySet()).orElse(null);
            throw new MessagingException(Reason.INVALID_ARGUMENT, "switchboard.binding=" + name + " names no binding on the"
                    + " class path; found " + found.keySet() + (close != null ? " (did you mean '" + close + "'?)" : "") + hint);
        }
        if (named.size() > 1) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, named.size() + " bindings are named '" + name + "': "
                    + named.stream().map(BindingDiscovery::origin).collect(Collectors.joining(" and "))
                    + "; keep exactly one of them on the class path");
        }
        return named.get(0);
    }

    private static String origin(BindingProvider provider) {
        Class<?> type = provider.getClass();
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return type.getName() + (source == null || source.getLocation() == null ? "" : " (from " + source.getLocation() + ")");
    }
}
