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
