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
package io.switchboard.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.Serializer;

import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Values as JSON (UTF-8) through a Jackson {@link ObjectMapper}, with content type {@value #CONTENT_TYPE}.
 * A value Jackson cannot write fails the send with {@code SERIALIZATION}; the producer stays usable.
 *
 * <pre>{@code
 * Producer<Order> producer = Switchboard.producer(props, JsonSerializer.json());
 * }</pre>
 *
 * @param <V> the value type
 */
public final class JsonSerializer<V> implements Serializer<V> {
    /** The content type sent with every value. */
    public static final String CONTENT_TYPE = "application/json";

    private static final ObjectMapper DEFAULT_MAPPER = new ObjectMapper().findAndRegisterModules();

    private final ObjectMapper mapper;

    private JsonSerializer(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** A serializer with a default mapper (with every Jackson module found on the class path). */
    public static <V> JsonSerializer<V> json() {
        return new JsonSerializer<>(DEFAULT_MAPPER);
    }

    /** A serializer with the application's own mapper. */
    public static <V> JsonSerializer<V> json(ObjectMapper mapper) {
        return new JsonSerializer<>(mapper);
    }

    @Override
    public byte[] serialize(V value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Optional<String> contentType() {
        return Optional.of(CONTENT_TYPE);
    }
}
