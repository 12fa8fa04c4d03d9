package io.switchboard;

/**
 * An optional feature a binding may offer. A binding claims a set of capabilities; using a feature that is
 * not claimed fails with {@link Reason#UNSUPPORTED} before anything is sent, never silently.
 */
public enum Capability {
    /** Destinations have numbered partitions; receipts report them; round-robin and custom partitioners work. */
    PARTITIONS,
    /** Point-to-point queues, distinct from topics ({@link Destination.Kind#QUEUE}). */
    QUEUES,
    /** The message's own timestamp ({@link Message#timestamp()}) reaches the broker. */
    TIMESTAMPS,
    /** Delivery delay: consumers see the message no earlier than {@link Message#deliveryDelay()}. */
    DELIVERY_DELAY,
    /** Per-message time to live: the broker drops the message once {@link Message#timeToLive()} passes. */
    TIME_TO_LIVE,
    /** Per-message priority ({@link Message#priority()}). */
    PRIORITY,
    /** {@link DeliveryGuarantee#AT_MOST_ONCE}. */
    AT_MOST_ONCE,
    /** {@link DeliveryGuarantee#EFFECTIVELY_ONCE}: retries inside the client never duplicate. */
    EFFECTIVELY_ONCE
}
