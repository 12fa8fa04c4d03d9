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

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The serializers every application needs. JSON lives in the optional {@code switchboard-json} artifact so
 * that this one depends on nothing.
 */
public final class Serializers {
    private static final Serializer<byte[]> BYTES = value -> value;
    private static final Serializer<String> STRING = new Serializer<>() {
        @Override
        public byte[] serialize(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Optional<String> contentType() {
            return Optional.of("text/plain; charset=utf-8");
        }
    };

    private Serializers() {
    }

    /** Bytes as they are, with no content type. The array is not copied: don't change it after sending. */
    public static Serializer<byte[]> bytes() {
        return BYTES;
    }

    /** Strings as UTF-8, with content type {@code text/plain; charset=utf-8}. */
    public static Serializer<String> string() {
        return STRING;
    }
}
