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
package io.switchboard.pulsar;

import io.switchboard.Compression;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.DeadlineMargin;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns the neutral settings into Pulsar's, and refuses a Pulsar key that says otherwise. Every value set here is one
 * the neutral settings decide; a user's {@code pulsar.producer.*} key for it must agree, or creation fails
 * {@link Reason#INVALID_ARGUMENT} naming both keys.
 */
final class NeutralMapping {
    private static final String PRODUCER = PulsarKeys.local(PulsarKeys.PRODUCER_PREFIX);

    private NeutralMapping() {
    }

    /**
     * Pulsar's send timeout for a delivery timeout: shorter by {@link DeadlineMargin}, the rule every binding shares
     * (a tenth, 100 ms to 1 s, never more than half), and at least 1 ms. Pulsar then reports first, with what it
     * knows (timed out unsent, or maybe written), instead of the producer's deadline failing the send as "maybe
     * written" without knowing.
     */
    static long sendTimeoutMillis(Duration deliveryTimeout) {
        long millis = deliveryTimeout.minus(DeadlineMargin.of(deliveryTimeout)).toMillis();
        return Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }

    /** Pulsar's compression type for a neutral one. Pulsar has no gzip framing; ZLIB is the same DEFLATE codec. */
    static String compressionType(Compression compression) {
        return switch (compression) {
            case NONE -> "NONE";
            case GZIP -> "ZLIB";
            case SNAPPY -> "SNAPPY";
            case LZ4 -> "LZ4";
            case ZSTD -> "ZSTD";
        };
    }

    static void apply(BindingConfig config, Map<String, Object> client, Map<String, Object> producer) {
        ProducerSettings s = config.settings();
        long deliveryMillis = s.deliveryTimeout().toMillis();
        long sendTimeout = sendTimeoutMillis(s.deliveryTimeout());
        agree(config, "sendTimeoutMs", v -> between(v, 1, deliveryMillis - 1), ProducerSettings.DELIVERY_TIMEOUT,
                millis(s.deliveryTimeout()), "leave it out (the binding sets " + sendTimeout + "ms, a little under the"
                        + " delivery timeout, so that Pulsar reports what it knows before the producer's deadline) or set"
                        + " it shorter than the delivery timeout");
        producer.putIfAbsent("sendTimeoutMs", sendTimeout);

        agree(config, "blockIfQueueFull", "false"::equalsIgnoreCase, ProducerSettings.BUFFER_WHEN_FULL,
                spelled(s.bufferWhenFull()), "leave it out: the producer's own bound (" + ProducerSettings.BUFFER_MAX_MESSAGES
                        + ", " + ProducerSettings.MAX_BLOCK + ") decides when a sender waits, and Pulsar must never block it");
        producer.put("blockIfQueueFull", false);

        // One buffer: the producer's. It counts every message until Pulsar lets go of it (also after the producer's
        // deadline), so Pulsar's queue is left without a bound of its own (its default, 0) and never refuses a
        // message the buffer accepted. A smaller per-destination cap stays the user's choice.
        agree(config, "maxPendingMessages", v -> between(v, 1, s.bufferMaxMessages()), ProducerSettings.BUFFER_MAX_MESSAGES,
                String.valueOf(s.bufferMaxMessages()), "leave it out (Pulsar's queue then has no bound of its own: the"
                        + " producer's buffer is the one bound) or set a per-destination cap no larger than "
                        + ProducerSettings.BUFFER_MAX_MESSAGES);

        String compression = compressionType(s.compression());
        agree(config, "compressionType", compression::equalsIgnoreCase, ProducerSettings.COMPRESSION,
                spelled(s.compression()), "set the codec with " + ProducerSettings.COMPRESSION + " only");
        producer.put("compressionType", compression);

        if (s.linger() != null) {
            boolean batching = !s.linger().isZero();
            String fix = "set batching with " + ProducerSettings.LINGER + " only (0 turns Pulsar's batching off)";
            agree(config, "batchingEnabled", v -> v.equalsIgnoreCase(String.valueOf(batching)), ProducerSettings.LINGER,
                    millis(s.linger()), fix);
            producer.put("batchingEnabled", batching);
            if (batching) {
                long micros = s.linger().toNanos() / 1000;
                agree(config, "batchingMaxPublishDelayMicros", v -> between(v, micros, micros), ProducerSettings.LINGER,
                        millis(s.linger()), fix);
                producer.put("batchingMaxPublishDelayMicros", micros);
            }
        }
        if (s.batchMaxBytes() != null) {
            int bytes = s.batchMaxBytes();
            agree(config, "batchingMaxBytes", v -> between(v, bytes, bytes), ProducerSettings.BATCH_MAX_BYTES,
                    String.valueOf(bytes), "set the batch size with " + ProducerSettings.BATCH_MAX_BYTES + " only");
            producer.put("batchingMaxBytes", bytes);
        }

        // The producer's permits bound unacknowledged bytes; Pulsar's own memory limit would be a second buffer.
        client.putIfAbsent("memoryLimitBytes", 0);
        // Producer creation and lookups give up before a waiting message's deadline, so that a broker that refuses
        // (a bad token, say) is reported as such rather than as a timeout.
        client.putIfAbsent("operationTimeoutMs", Math.min(30_000, sendTimeout));
        // Loaded this way, Pulsar's lookup timeout does not follow the operation timeout but stays at 30 s
        // (ConfigurationTest shows it), which would outlast a short delivery timeout
        client.putIfAbsent("lookupTimeoutMs", client.get("operationTimeoutMs"));
        // A connection that stopped answering (a half-open link after a partition, a frozen network) is closed and
        // reopened by Pulsar's keep-alive, after one to two intervals. Pulsar's 30 s outlasts most delivery timeouts,
        // and every message sent on that connection meanwhile would end OUTCOME_UNKNOWN: a third of the delivery
        // timeout, up to 30 s. At least 5 s: Pulsar also closes a connection whose handshake has not finished by the
        // first tick, which a shorter one would do to healthy connections on a busy machine.
        client.putIfAbsent("keepAliveIntervalSeconds", (int) Math.max(5, Math.min(30, sendTimeout / 3_000)));
    }

    private static void agree(BindingConfig config, String producerSetting, Predicate<String> allowed, String neutralKey,
                              String neutralValue, String fix) {
        config.requireAgreement(PRODUCER + producerSetting, allowed, neutralKey, neutralValue, fix);
    }

    private static boolean between(String value, long min, long max) {
        try {
            long n = Long.parseLong(value.strip());
            return n >= min && n <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String millis(Duration d) {
        return d.toMillis() + "ms";
    }

    private static String spelled(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
