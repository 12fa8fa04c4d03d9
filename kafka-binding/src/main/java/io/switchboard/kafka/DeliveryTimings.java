package io.switchboard.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The time budget of one send, split between Kafka and the binding so that Kafka's own, truthful answer
 * arrives before the core producer's deadline sweeper gives up with {@code OUTCOME_UNKNOWN}.
 *
 * <p>Kafka expires a batch {@code delivery.timeout.ms} after the batch was created; the binding asks for the
 * neutral delivery timeout minus a margin, so that the expiry, its callback and the completion of the future all
 * happen before the core's deadline. Records the binding still holds (queued for its sender thread, or inside a
 * blocked {@code send}) are failed by the binding itself at the same point.
 *
 * @param kafkaDeliveryTimeoutMs {@code delivery.timeout.ms}
 * @param marginNanos            how long before a record's deadline the binding and Kafka must have answered
 * @param maxBlockMs             {@code max.block.ms}: how long one {@code send} may wait for a topic's metadata,
 *                               about half the budget so that a missing topic is reported as such (not as a
 *                               deadline) even for a record that waited behind another
 */
record DeliveryTimings(long kafkaDeliveryTimeoutMs, long marginNanos, long maxBlockMs) {

    private static final long MIN_MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** The split for a neutral delivery timeout: a twentieth as margin, 100 ms to 1 s, never more than half. */
    static DeliveryTimings of(Duration deliveryTimeout) {
        long total = deliveryTimeout.toNanos();
        long margin = Math.min(total / 2, Math.max(MIN_MARGIN_NANOS, Math.min(MAX_MARGIN_NANOS, total / 20)));
        long kafkaMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(total - margin));
        return new DeliveryTimings(kafkaMs, margin, Math.max(1, kafkaMs / 2));
    }
}
