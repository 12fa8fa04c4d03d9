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
package io.switchboard.kafka;

import io.switchboard.spi.DeadlineMargin;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The time budget of one send, split between Kafka and the binding so that Kafka's own, truthful answer
 * arrives before the core producer's deadline sweeper gives up with {@code OUTCOME_UNKNOWN}.
 *
 * <p>Kafka expires a batch {@code delivery.timeout.ms} after the batch was created; the binding asks for the
 * neutral delivery timeout minus a margin, so that the expiry, its callback and the completion of the future all
 * happen before the core's deadline. Records the binding still holds (queued for its sender thread, or inside a
 * blocked {@code send}) are failed by the binding itself at the same point. The margin is the SPI's rule shared by
 * every binding, {@link DeadlineMargin}: a tenth of the delivery timeout, at least 100 ms and at most 1 s, never
 * more than half.
 *
 * @param kafkaDeliveryTimeoutMs {@code delivery.timeout.ms}
 * @param marginNanos            how long before a record's deadline the binding and Kafka must have answered
 * @param maxBlockMs             {@code max.block.ms}: how long one {@code send} may wait for a topic's metadata,
 *                               about half the budget so that a missing topic is reported as such (not as a
 *                               deadline) even for a record that waited behind another
 */
record DeliveryTimings(long kafkaDeliveryTimeoutMs, long marginNanos, long maxBlockMs) {

    /** The split for a neutral delivery timeout: {@link DeadlineMargin} as margin, the rest for Kafka. */
    static DeliveryTimings of(Duration deliveryTimeout) {
        long total = deliveryTimeout.toNanos();
        long margin = DeadlineMargin.nanos(deliveryTimeout);
        long kafkaMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(total - margin));
        return new DeliveryTimings(kafkaMs, margin, Math.max(1, kafkaMs / 2));
    }
}
