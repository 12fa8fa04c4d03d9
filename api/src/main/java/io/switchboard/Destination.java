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

/**
 * Where a message goes: a name, and for brokers that tell them apart (JMS) whether it is a topic or a queue.
 *
 * @param name the destination's name as the broker knows it; not blank
 * @param kind topic, queue, or {@link Kind#DEFAULT} for the binding's usual kind
 */
public record Destination(String name, Kind kind) {

    /** The kind of destination. */
    public enum Kind {
        /** Whatever the binding uses by default: a topic for Kafka and Pulsar, a queue for JMS. */
        DEFAULT,
        /** Publish-subscribe: every subscription gets a copy. */
        TOPIC,
        /** Point-to-point: one consumer gets each message. Needs {@link Capability#QUEUES}. */
        QUEUE
    }

    /** Validates the name and kind. */
    public Destination {
        if (name == null || name.isBlank()) {
            throw MessagingException.invalid("destination name is " + (name == null ? "null" : "blank")
                    + "; expected the name of a topic or queue, such as \"orders\"");
        }
        if (!name.equals(name.strip())) {
            throw MessagingException.invalid("destination name \"" + name
                    + "\" has leading or trailing white space; expected a name without it");
        }
        if (kind == null) {
            throw MessagingException.invalid("destination kind is null; expected DEFAULT, TOPIC or QUEUE");
        }
    }

    /** A destination of the binding's default kind. */
    public static Destination of(String name) {
        return new Destination(name, Kind.DEFAULT);
    }

    /** A topic. */
    public static Destination topic(String name) {
        return new Destination(name, Kind.TOPIC);
    }

    /** A queue (needs {@link Capability#QUEUES}). */
    public static Destination queue(String name) {
        return new Destination(name, Kind.QUEUE);
    }

    @Override
    public String toString() {
        return kind == Kind.DEFAULT ? name : kind.name().toLowerCase(java.util.Locale.ROOT) + "://" + name;
    }
}
