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
package io.switchboard.spi;

import java.time.Duration;

/**
 * How long before a record's deadline ({@link OutboundRecord#deadlineNanos()}) a binding should have given its own
 * answer. At the deadline itself the core producer fails whatever is still unfinished, and it can only say
 * {@link io.switchboard.Reason#OUTCOME_UNKNOWN} for a record the binding holds; a binding that knows better (the
 * record was never sent: {@link io.switchboard.Reason#TIMEOUT}; the broker is unreachable:
 * {@link io.switchboard.Reason#UNAVAILABLE}) must report before that, with room to spare for a loaded machine.
 *
 * <p>The margin is one rule for every binding: a tenth of the delivery timeout, at least 100 ms and at most 1 s,
 * and never more than half the timeout.
 */
public final class DeadlineMargin {
    static final Duration MIN = Duration.ofMillis(100);
    static final Duration MAX = Duration.ofSeconds(1);

    private DeadlineMargin() {
    }

    /**
     * The margin for a delivery timeout.
     *
     * @param deliveryTimeout the producer's {@code switchboard.delivery-timeout}, positive
     * @return how long before each record's deadline the binding should answer
     */
    public static Duration of(Duration deliveryTimeout) {
        Duration margin = deliveryTimeout.dividedBy(10);
        if (margin.compareTo(MIN) < 0) {
            margin = MIN;
        } else if (margin.compareTo(MAX) > 0) {
            margin = MAX;
        }
        Duration half = deliveryTimeout.dividedBy(2);
        return margin.compareTo(half) > 0 ? half : margin;
    }

    /**
     * The margin in nanoseconds, for comparing with {@link System#nanoTime()}.
     *
     * @param deliveryTimeout the producer's {@code switchboard.delivery-timeout}, positive
     * @return {@link #of(Duration)} in nanoseconds
     */
    public static long nanos(Duration deliveryTimeout) {
        return of(deliveryTimeout).toNanos();
    }
}
