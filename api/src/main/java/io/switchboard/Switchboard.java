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

import io.switchboard.core.BindingDiscovery;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The entry point: creates producers from configuration. The binding is chosen by {@code switchboard.binding}
 * (or a URL's scheme); with exactly one binding on the class path and none named, that one is used.
 *
 * <pre>{@code
 * try (Producer<String> producer = Switchboard.producer("kafka://localhost:9092?acks=all", Serializers.string())) {
 *     producer.send(Message.to("orders").key("customer-42").header("source", "web").value("hi"));
 * }
 * }</pre>
 */
public final class Switchboard {
    private Switchboard() {
    }

    /** A builder for a producer of byte arrays. */
    public static ProducerBuilder<byte[]> builder() {
        return builder(Serializers.bytes());
    }

    /** A builder for a producer whose values {@code serializer} turns into bytes. */
    public static <V> ProducerBuilder<V> builder(Serializer<V> serializer) {
        if (serializer == null) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "serializer is null; expected one such as Serializers.string()");
        }
        return new ProducerBuilder<>(serializer);
    }

    /** A producer configured by properties. */
    public static <V> Producer<V> producer(Properties properties, Serializer<V> serializer) {
        return builder(serializer).properties(properties).build();
    }

    /** A byte-array producer configured by properties. */
    public static Producer<byte[]> producer(Properties properties) {
        return producer(properties, Serializers.bytes());
    }

    /** A producer configured by a map. */
    public static <V> Producer<V> producer(Map<String, ?> properties, Serializer<V> serializer) {
        return builder(serializer).properties(properties).build();
    }

    /** A producer configured by a URL such as {@code memory://} or {@code kafka://host:9092?acks=all}. */
    public static <V> Producer<V> producer(String url, Serializer<V> serializer) {
        return builder(serializer).url(url).build();
    }

    /** A producer configured by a {@code .properties} file. */
    public static <V> Producer<V> producer(Path file, Serializer<V> serializer) {
        return builder(serializer).file(file).build();
    }

    /** A producer configured by the process's {@code SWITCHBOARD_*} environment variables. */
    public static <V> Producer<V> producerFromEnvironment(Serializer<V> serializer) {
        return builder(serializer).environment().build();
    }

    /** The names of the bindings on the context class path. */
    public static Set<String> bindings() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return BindingDiscovery.discover(loader != null ? loader : Switchboard.class.getClassLoader()).keySet();
    }
}
