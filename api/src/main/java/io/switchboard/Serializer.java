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
