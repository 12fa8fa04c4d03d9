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

import java.util.Optional;

/**
 * Turns values into bytes. Serialization happens once, in the producer; bindings only ever see bytes.
 * A serializer that throws makes the send fail with {@link Reason#SERIALIZATION}; the producer stays usable.
 *
 * @param <V> the value type
 */
@FunctionalInterface
public interface Serializer<V> {

    /** The bytes for {@code value}; never called with null. */
    byte[] serialize(V value);

    /** The content type this serializer produces, sent in the {@value Headers#CONTENT_TYPE} header. */
    default Optional<String> contentType() {
        return Optional.empty();
    }
}
