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

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

import java.util.Map;

/**
 * Evidence of what a producer put on the wire, from its own cumulative metrics: bytes written to any broker
 * ({@code outgoing-byte-total}) and batches put back for a retry ({@code record-retry-total}).
 *
 * <p>Kafka reports an expired batch with the same {@code TimeoutException} whether or not the batch was ever sent
 * ("The request has not been sent, or no server response has been received yet."). These counters settle it
 * for the case that matters most, a broker that is down: if the producer wrote no byte at all between the moment
 * a record was handed to it and the moment it failed, the record cannot have reached a broker. Both counters are
 * updated on Kafka's I/O thread before it runs any callback that follows, so a callback sees every write made
 * before it. If the metrics are missing (a future client renaming them), nothing is ever proven and every
 * ambiguous failure stays {@code OUTCOME_UNKNOWN}.
 *
 * <p>One more Kafka habit keeps this honest: in the round in which it expires a batch it may also have just
 * drained it, and then sends it anyway. Connecting to a broker writes bytes, so a batch that becomes sendable
 * when a broker comes back is already judged "may have been written". Without any write, a batch only becomes
 * sendable late if it waited behind requests written earlier and left unanswered until its own expiry; the
 * binding's {@code request.timeout.ms} (half the room the linger leaves) makes those requests end long before.
 */
final class WireActivity {

    /** Counters read at one moment; {@link #UNKNOWN} when the metrics are missing. */
    record Snapshot(double bytesWritten, double retries) {
        static final Snapshot UNKNOWN = new Snapshot(Double.NaN, Double.NaN);

        /** Whether nothing at all was written between {@code this} and {@code later}. */
        boolean nothingWrittenUntil(Snapshot later) {
            return !Double.isNaN(bytesWritten) && bytesWritten == later.bytesWritten;
        }

        /** Whether the producer retried no batch at all between {@code this} and {@code later}. */
        boolean noRetriesUntil(Snapshot later) {
            return !Double.isNaN(retries) && retries == later.retries;
        }
    }

    private static final String GROUP = "producer-metrics";

    private final Metric bytesWritten;
    private final Metric retries;

    private WireActivity(Metric bytesWritten, Metric retries) {
        this.bytesWritten = bytesWritten;
        this.retries = retries;
    }

    /** Finds the counters of {@code producer}; they are registered when the producer is created. */
    static WireActivity of(Producer<?, ?> producer) {
        Metric bytes = null;
        Metric retried = null;
        for (Map.Entry<MetricName, ? extends Metric> entry : producer.metrics().entrySet()) {
            MetricName name = entry.getKey();
            if (GROUP.equals(name.group()) && "outgoing-byte-total".equals(name.name())) {
                bytes = entry.getValue();
            } else if (GROUP.equals(name.group()) && "record-retry-total".equals(name.name())) {
                retried = entry.getValue();
            }
        }
        return new WireActivity(bytes, retried);
    }

    /** Whether the counters were found, so that evidence can be had at all. */
    boolean available() {
        return bytesWritten != null && retries != null;
    }

    /** The counters now. */
    Snapshot now() {
        if (!available()) {
            return Snapshot.UNKNOWN;
        }
        return new Snapshot(value(bytesWritten), value(retries));
    }

    private static double value(Metric metric) {
        Object value = metric.metricValue();
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
