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
