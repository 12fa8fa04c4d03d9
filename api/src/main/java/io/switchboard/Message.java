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

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable message to send. Build one with {@link #to(String)}:
 *
 * <pre>{@code
 * Message<String> m = Message.to("orders").key("customer-42").header("source", "web").value("hi");
 * }</pre>
 *
 * <p>Only the destination and the value are required. The optional features (timestamp, delivery delay, time
 * to live, priority) need the matching {@link Capability}; a binding that lacks it fails the send with
 * {@link Reason#UNSUPPORTED}. Every field is validated here, once, with an error naming the field.
 *
 * @param destination   where the message goes
 * @param key           the ordering key, or {@code null}: messages with one key keep their order
 * @param value         the value, serialized by the producer's {@link Serializer}; not null
 * @param headers       string headers, never null
 * @param timestamp     the event time, or {@code null} for the broker's (needs {@link Capability#TIMESTAMPS})
 * @param deliveryDelay how long consumers wait before seeing it, or {@code null} (needs {@link Capability#DELIVERY_DELAY})
 * @param timeToLive    how long the broker keeps it undelivered, or {@code null} (needs {@link Capability#TIME_TO_LIVE})
 * @param priority      0 (lowest) to 9, or {@code null} (needs {@link Capability#PRIORITY})
 * @param <V> the value type
 */
public record Message<V>(Destination destination, String key, V value, Headers headers, Instant timestamp,
                         Duration deliveryDelay, Duration timeToLive, Integer priority) {

    /** The highest priority; JMS's range 0 to 9 is the common ground. */
    public static final int MAX_PRIORITY = 9;

    /** Validates every field. */
    public Message {
        if (destination == null) {
            throw MessagingException.invalid("message destination is null; expected a Destination such as Destination.of(\"orders\")");
        }
        if (key != null && key.isEmpty()) {
            throw MessagingException.invalid("message key is empty; expected a non-empty key, or no key (null) for an unkeyed message");
        }
        if (key != null) {
            Utf8Text.requireEncodable("message key", key);
        }
        if (value == null) {
            throw MessagingException.invalid("message value is null; expected a value (an empty one is fine, e.g. new byte[0] or \"\")");
        }
        if (headers == null) {
            throw MessagingException.invalid("message headers are null; expected Headers.empty() for none");
        }
        if (deliveryDelay != null && deliveryDelay.isNegative()) {
            throw MessagingException.invalid("message deliveryDelay is " + deliveryDelay + "; expected zero or more");
        }
        if (timeToLive != null && (timeToLive.isNegative() || timeToLive.isZero())) {
            throw MessagingException.invalid("message timeToLive is " + timeToLive + "; expected more than zero");
        }
        if (priority != null && (priority < 0 || priority > MAX_PRIORITY)) {
            throw MessagingException.invalid("message priority is " + priority + "; expected 0 to " + MAX_PRIORITY);
        }
    }

    /** Starts a message to the named destination of the binding's default kind. */
    public static Builder to(String destination) {
        return new Builder(Destination.of(destination));
    }

    /** Starts a message to a destination. */
    public static Builder to(Destination destination) {
        if (destination == null) {
            throw MessagingException.invalid("message destination is null; expected a Destination such as Destination.of(\"orders\")");
        }
        return new Builder(destination);
    }

    /** A message with only a destination and a value. */
    public static <V> Message<V> of(String destination, V value) {
        return to(destination).value(value);
    }

    /** A builder holding this message's fields, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(destination).key(key).timestamp(timestamp).deliveryDelay(deliveryDelay)
                .timeToLive(timeToLive).priority(priority).headers(headers);
    }

    /**
     * Collects a message's fields; {@link #value(Object)} validates them and returns the message. A builder may
     * be reused: each {@code value(..)} call makes a new message with the fields set so far.
     */
    public static final class Builder {
        private final Destination destination;
        /** Created on the first header: most messages have none. */
        private Map<String, String> headers;
        private String key;
        private Instant timestamp;
        private Duration deliveryDelay;
        private Duration timeToLive;
        private Integer priority;

        private Builder(Destination destination) {
            this.destination = destination;
        }

        /** The ordering key (null for none). */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /** Adds a header; setting a name twice is an error. */
        public Builder header(String name, String value) {
            Headers.validName(name);
            Headers.validValue(name, value);
            if (headers == null) {
                headers = new LinkedHashMap<>();
            }
            if (headers.putIfAbsent(name, value) != null) {
                throw MessagingException.invalid("header \"" + name + "\" is set twice; headers hold one value per name");
            }
            return this;
        }

        /** Adds every header of the map, in its order. */
        public Builder headers(Map<String, String> more) {
            Headers.of(more).forEach(this::header);
            return this;
        }

        /** Adds every header. */
        public Builder headers(Headers more) {
            more.forEach(this::header);
            return this;
        }

        /** The event time (null for the broker's). */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        /** Consumers see the message no earlier than this after it is sent (null for none). */
        public Builder deliveryDelay(Duration deliveryDelay) {
            this.deliveryDelay = deliveryDelay;
            return this;
        }

        /** The broker drops the message if it is not consumed within this (null for never). */
        public Builder timeToLive(Duration timeToLive) {
            this.timeToLive = timeToLive;
            return this;
        }

        /** Priority 0 to 9 (null for the broker's default). */
        public Builder priority(Integer priority) {
            this.priority = priority;
            return this;
        }

        /** Sets the value and returns the validated message. */
        public <V> Message<V> value(V value) {
            return new Message<>(destination, key, value, headers == null ? Headers.empty() : Headers.of(headers), timestamp,
                    deliveryDelay, timeToLive, priority);
        }
    }
}
