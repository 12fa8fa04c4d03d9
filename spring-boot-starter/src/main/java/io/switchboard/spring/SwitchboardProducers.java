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
package io.switchboard.spring;

import io.switchboard.Producer;
import io.switchboard.SendInterceptor;
import io.switchboard.Serializer;
import io.switchboard.Switchboard;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;

/**
 * The application's Switchboard producers, built from {@code switchboard.*} and closed with the application
 * context: the application producer (bean {@code switchboardProducer}) and each named one of
 * {@code switchboard.producers.<name>} (bean {@code <name>Producer}).
 *
 * <p>Closing is graceful: each producer waits up to its {@code close-timeout} for the messages it accepted, and
 * reports those it could not deliver through their futures, before the context is gone. Producers close in the
 * reverse order of their creation, after every bean that uses them.
 */
public final class SwitchboardProducers implements DisposableBean {
    /** The application producer's name in {@link #outcomes()}. */
    public static final String APPLICATION = "switchboardProducer";

    private final SwitchboardProperties properties;
    private final Serializer<?> serializer;
    private final List<SendInterceptor> interceptors;
    private final Map<String, Producer<?>> producers = new LinkedHashMap<>();
    private final Map<String, SendOutcomes> outcomes = new LinkedHashMap<>();

    SwitchboardProducers(SwitchboardProperties properties, Serializer<?> serializer, List<SendInterceptor> interceptors) {
        this.properties = properties;
        this.serializer = serializer;
        this.interceptors = List.copyOf(interceptors);
    }

    /** The application producer, built on first use; a bad setting fails with Switchboard's message naming it. */
    public synchronized <V> Producer<V> application() {
        return build(APPLICATION, ProducerKeys.of(properties));
    }

    /**
     * The producer named {@code name} under {@code switchboard.producers}: the application producer's settings with
     * its own over them.
     *
     * @throws IllegalArgumentException if {@code switchboard.producers} has no such name
     */
    public synchronized <V> Producer<V> named(String name) {
        ProducerProperties named = properties.getProducers().get(name);
        if (named == null) {
            throw new IllegalArgumentException("switchboard.producers has no producer named \"" + name + "\"; it has "
                    + properties.getProducers().keySet() + ". Add switchboard.producers." + name + ".* or use one of those");
        }
        return build(name + "Producer", ProducerKeys.of(properties, named));
    }

    @SuppressWarnings("unchecked")
    private <V> Producer<V> build(String name, Map<String, String> keys) {
        Producer<?> existing = producers.get(name);
        if (existing != null) {
            return (Producer<V>) existing;
        }
        SendOutcomes tracked = new SendOutcomes(Clock.systemUTC());
        var builder = Switchboard.builder((Serializer<V>) serializer).properties(keys).interceptor(tracked);
        interceptors.forEach(builder::interceptor);
        Producer<V> producer = builder.build();
        tracked.capabilities(producer.capabilities());
        producers.put(name, producer);
        outcomes.put(name, tracked);
        return producer;
    }

    /** What each producer built so far has seen of its sends, by bean name. */
    synchronized Map<String, SendOutcomes> outcomes() {
        return Map.copyOf(outcomes);
    }

    /** The application's interceptors, which every producer here applies. */
    List<SendInterceptor> interceptors() {
        return interceptors;
    }

    /** The serializer every producer here uses. */
    Serializer<?> serializer() {
        return serializer;
    }

    /** Closes every producer, newest first, each within its own close timeout. */
    @Override
    public synchronized void destroy() {
        List<Producer<?>> all = List.copyOf(producers.values());
        RuntimeException first = null;
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                all.get(i).close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public synchronized String toString() {
        return "SwitchboardProducers" + producers.keySet();
    }
}
