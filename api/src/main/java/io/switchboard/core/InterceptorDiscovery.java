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
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.SendInterceptor;
import io.switchboard.spi.InterceptorProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds the interceptors {@code switchboard.interceptors} names, as bindings are found: with the ServiceLoader. */
final class InterceptorDiscovery {
    private InterceptorDiscovery() {
    }

    /**
     * One new interceptor per name in {@code names} (comma-separated), in that order; none for null or blank.
     *
     * @throws MessagingException {@link Reason#INVALID_ARGUMENT} naming an unknown name and the ones there are
     */
    static List<SendInterceptor> named(String names, ClassLoader classLoader) {
        if (names == null || names.isBlank()) {
            return List.of();
        }
        Map<String, InterceptorProvider> found = discover(classLoader);
        List<SendInterceptor> interceptors = new ArrayList<>();
        for (String name : names.split(",")) {
            String wanted = name.strip();
            if (wanted.isEmpty()) {
                continue;
            }
            InterceptorProvider provider = found.get(wanted);
            if (provider == null) {
                throw new MessagingException(Reason.INVALID_ARGUMENT, ProducerSettings.INTERCEPTORS + "=" + names
                        + " names '" + wanted + "', which no interceptor on the class path provides; found "
                        + found.keySet() + " (add switchboard-micrometer or switchboard-opentelemetry for those)");
            }
            interceptors.add(provider.create());
        }
        return interceptors;
    }

    private static Map<String, InterceptorProvider> discover(ClassLoader classLoader) {
        Map<String, InterceptorProvider> found = new TreeMap<>();
        try {
            for (InterceptorProvider provider : ServiceLoader.load(InterceptorProvider.class, classLoader)) {
                found.putIfAbsent(provider.name(), provider);
            }
        } catch (ServiceConfigurationError e) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "an interceptor provider on the class path could not"
                    + " be loaded: " + e.getMessage(), e);
        }
        return found;
    }
}
