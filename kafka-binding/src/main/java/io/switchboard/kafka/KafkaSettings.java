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

import io.switchboard.MessagingException;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.ClosestName;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

import static org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.BATCH_SIZE_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.BUFFER_MEMORY_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.CLIENT_ID_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.COMPRESSION_TYPE_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.MAX_BLOCK_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION;
import static org.apache.kafka.clients.producer.ProducerConfig.MAX_REQUEST_SIZE_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.RETRIES_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.RETRY_BACKOFF_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.TRANSACTIONAL_ID_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG;

/**
 * Turns the neutral settings and the user's {@code kafka.*} keys into the configuration of a
 * {@code KafkaProducer}. The user's keys are passed through as they are; the keys a neutral setting decides are
 * derived from it, and a user key that contradicts one fails with {@link Reason#INVALID_ARGUMENT} naming both.
 * Nothing here opens a connection.
 */
final class KafkaSettings {

    /** The framing Kafka adds around a record without key or headers: batch header (61) and record header (21). */
    static final int RECORD_FRAMING_BYTES = 82;
    /** Room in {@code max.request.size} for a record's key, headers and framing on top of its value. */
    static final int KEY_AND_HEADERS_ALLOWANCE = 64 * 1024;
    /** Room in {@code buffer.memory} per unacknowledged message for its key, headers and framing. */
    static final int PER_MESSAGE_ALLOWANCE = 1024;

    private static final int KAFKA_REQUEST_TIMEOUT_DEFAULT_MS = 30_000;
    private static final int MAX_IN_FLIGHT_FOR_IDEMPOTENCE = 5;

    /**
     * The native configuration and the time budget it was derived with.
     *
     * @param properties the {@code KafkaProducer} configuration (secrets included: never print it)
     * @param timings    the split of the delivery timeout between Kafka and the binding
     */
    record Translation(Map<String, Object> properties, DeliveryTimings timings) {
    }

    private final BindingConfig config;
    private final ProducerSettings settings;
    private final Map<String, Object> out;

    private KafkaSettings(BindingConfig config) {
        this.config = config;
        this.settings = config.settings();
        this.out = new HashMap<>(config.properties());
    }

    /**
     * Translates a binding configuration.
     *
     * @throws MessagingException {@link Reason#INVALID_ARGUMENT} for a missing, forbidden or contradicting key;
     *                            {@link Reason#UNSUPPORTED} for Kafka transactions
     */
    static Translation translate(BindingConfig config) {
        return new KafkaSettings(config).translate();
    }

    private Translation translate() {
        rejectForbiddenKeys();
        rejectTypos();
        requireBootstrapServers();
        agree(CLIENT_ID_CONFIG, value -> value.equals(settings.clientId()), ProducerSettings.CLIENT_ID,
                settings.clientId(), "set " + ProducerSettings.CLIENT_ID + " instead, which the binding passes on as client.id");
        out.put(CLIENT_ID_CONFIG, settings.clientId());
        guarantee();
        DeliveryTimings timings = timeouts();
        sizes();
        String codec = settings.compression().name().toLowerCase(Locale.ROOT);
        agree(COMPRESSION_TYPE_CONFIG, value -> value.equalsIgnoreCase(codec), ProducerSettings.COMPRESSION, codec,
                "set " + ProducerSettings.COMPRESSION + " instead");
        out.put(COMPRESSION_TYPE_CONFIG, codec);
        return new Translation(Map.copyOf(out), timings);
    }

    /**
     * A key Kafka does not know is passed on (interceptors, partitioners and reporters read their own keys from
     * the producer's configuration), unless it is so close to one Kafka knows that it is surely a typo, which Kafka
     * itself would only log and ignore.
     */
    private void rejectTypos() {
        Set<String> known = ProducerConfig.configNames();
        for (String key : config.properties().keySet()) {
            if (!known.contains(key)) {
                ClosestName.among(key, known).ifPresent(meant -> {
                    throw invalid("unknown Kafka producer setting '" + config.fullKey(key) + "'; did you mean '"
                            + config.fullKey(meant) + "'? (Kafka would ignore it)");
                });
            }
        }
    }

    private void rejectForbiddenKeys() {
        for (String serializer : new String[] {KEY_SERIALIZER_CLASS_CONFIG, VALUE_SERIALIZER_CLASS_CONFIG}) {
            if (config.property(serializer).isPresent()) {
                throw invalid("'" + config.fullKey(serializer) + "' is not allowed: the kafka binding sends the bytes that"
                        + " Switchboard's serializer made (keys as UTF-8); choose the serializer in code with"
                        + " Switchboard.builder(serializer) and remove the key");
            }
        }
        if (config.property(TRANSACTIONAL_ID_CONFIG).isPresent()) {
            throw new MessagingException(Reason.UNSUPPORTED, "'" + config.fullKey(TRANSACTIONAL_ID_CONFIG) + "' asks for"
                    + " Kafka transactions, which Switchboard's producer does not offer; use "
                    + ProducerSettings.GUARANTEE + "=effectively-once for an idempotent producer, or Kafka's own"
                    + " producer (Producer.unwrap(KafkaProducer.class) gives no transactions either)");
        }
        agree(PARTITIONER_IGNORE_KEYS_CONFIG, value -> value.equalsIgnoreCase("false"), ProducerSettings.PARTITIONER,
                settings.partitioner().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                "a message's key is its ordering key, so Kafka must place it by key; send without a key (or use "
                        + ProducerSettings.PARTITIONER + "=round-robin) to spread messages");
    }

    private void requireBootstrapServers() {
        String servers = config.property(BOOTSTRAP_SERVERS_CONFIG).orElse("");
        if (servers.isBlank()) {
            throw invalid("'" + config.fullKey(BOOTSTRAP_SERVERS_CONFIG) + "' is missing; give the brokers to connect to,"
                    + " as " + config.fullKey(BOOTSTRAP_SERVERS_CONFIG) + "=host1:9092,host2:9092 or with the URL"
                    + " kafka://host1:9092,host2:9092");
        }
    }

    /** The delivery guarantee as acks, idempotence and retries; see the README's guarantee table. */
    private void guarantee() {
        String neutral = settings.guarantee().name().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (settings.guarantee()) {
            case AT_MOST_ONCE -> {
                agree(ACKS_CONFIG, "0"::equals, ProducerSettings.GUARANTEE, neutral,
                        "at-most-once means acks=0 (the producer does not wait for the broker); remove the key");
                agree(ENABLE_IDEMPOTENCE_CONFIG, "false"::equalsIgnoreCase, ProducerSettings.GUARANTEE, neutral,
                        "an idempotent producer needs acks=all; use " + ProducerSettings.GUARANTEE + "=effectively-once");
                agree(RETRIES_CONFIG, number(n -> n == 0), ProducerSettings.GUARANTEE, neutral,
                        "at-most-once never retries (a retry may duplicate); remove the key");
                out.put(ACKS_CONFIG, "0");
                out.put(ENABLE_IDEMPOTENCE_CONFIG, "false");
                out.put(RETRIES_CONFIG, "0");
            }
            case AT_LEAST_ONCE -> {
                agree(ACKS_CONFIG, KafkaSettings::isAcksAll, ProducerSettings.GUARANTEE, neutral,
                        "at-least-once means acks=all (every in-sync replica has the message); use "
                                + ProducerSettings.GUARANTEE + "=at-most-once for acks=0, or remove the key");
                out.put(ACKS_CONFIG, "all");
                keepKeyOrderWithoutIdempotence(neutral);
            }
            case EFFECTIVELY_ONCE -> {
                agree(ACKS_CONFIG, KafkaSettings::isAcksAll, ProducerSettings.GUARANTEE, neutral,
                        "the idempotent producer needs acks=all; remove the key");
                agree(ENABLE_IDEMPOTENCE_CONFIG, "true"::equalsIgnoreCase, ProducerSettings.GUARANTEE, neutral,
                        "effectively-once is Kafka's idempotent producer; remove the key, or use "
                                + ProducerSettings.GUARANTEE + "=at-least-once");
                agree(RETRIES_CONFIG, number(n -> n > 0), ProducerSettings.GUARANTEE, neutral,
                        "the idempotent producer retries by itself within the delivery timeout; remove the key");
                agree(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, number(n -> n >= 1 && n <= MAX_IN_FLIGHT_FOR_IDEMPOTENCE),
                        ProducerSettings.GUARANTEE, neutral, "the idempotent producer allows 1 to 5; remove the key");
                out.put(ACKS_CONFIG, "all");
                out.put(ENABLE_IDEMPOTENCE_CONFIG, "true");
            }
        }
    }

    /**
     * Kafka keeps a key's order across its own retries only when idempotent or with one request in flight. A user
     * who turns idempotence off gets one in flight, unless they turned retries off too.
     */
    private void keepKeyOrderWithoutIdempotence(String neutral) {
        boolean idempotenceOff = config.property(ENABLE_IDEMPOTENCE_CONFIG).map("false"::equalsIgnoreCase).orElse(false);
        boolean retries = userLong(RETRIES_CONFIG).orElse(1) != 0;
        if (!idempotenceOff || !retries) {
            return;
        }
        if (config.property(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION).isEmpty()) {
            out.put(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
            return;
        }
        agree(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, number(n -> n == 1), ProducerSettings.GUARANTEE, neutral,
                "with " + config.fullKey(ENABLE_IDEMPOTENCE_CONFIG) + "=false, Kafka's retries would reorder a key's"
                        + " messages unless one request is in flight; remove one of the two keys");
    }

    private DeliveryTimings timeouts() {
        DeliveryTimings budget = DeliveryTimings.of(settings.deliveryTimeout());
        String deliveryText = text(settings.deliveryTimeout());

        long lingerMs;
        if (settings.linger() != null) {
            long neutralLinger = settings.linger().toMillis();
            agree(LINGER_MS_CONFIG, number(n -> n == neutralLinger), ProducerSettings.LINGER, text(settings.linger()),
                    "set only " + ProducerSettings.LINGER);
            lingerMs = neutralLinger;
            out.put(LINGER_MS_CONFIG, Long.toString(lingerMs));
        } else {
            lingerMs = userLong(LINGER_MS_CONFIG).orElse(kafkaDefault(LINGER_MS_CONFIG));
        }

        agree(DELIVERY_TIMEOUT_MS_CONFIG, number(n -> n > 0 && n <= budget.kafkaDeliveryTimeoutMs()),
                ProducerSettings.DELIVERY_TIMEOUT, deliveryText, "Kafka must give up at least "
                        + Duration.ofNanos(budget.marginNanos()).toMillis() + " ms before the producer does (at most "
                        + budget.kafkaDeliveryTimeoutMs() + " ms), so that its answer is the one reported; remove the key");
        long deliveryMs = userLong(DELIVERY_TIMEOUT_MS_CONFIG).orElse(budget.kafkaDeliveryTimeoutMs());
        out.put(DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(deliveryMs));

        if (deliveryMs - lingerMs < 1) {
            throw invalid("linger.ms=" + lingerMs + " leaves no time for a request within delivery.timeout.ms="
                    + deliveryMs + " (derived from " + ProducerSettings.DELIVERY_TIMEOUT + "=" + deliveryText
                    + "); Kafka needs linger.ms + request.timeout.ms <= delivery.timeout.ms. Lower the linger or raise "
                    + ProducerSettings.DELIVERY_TIMEOUT);
        }
        agree(REQUEST_TIMEOUT_MS_CONFIG, number(n -> n > 0 && n + lingerMs <= deliveryMs), ProducerSettings.DELIVERY_TIMEOUT,
                deliveryText, "Kafka needs linger.ms (" + lingerMs + ") + request.timeout.ms <= delivery.timeout.ms ("
                        + deliveryMs + "); lower it or raise " + ProducerSettings.DELIVERY_TIMEOUT);
        // Half of what is left after the linger: Kafka can retry a timed-out request once, and a batch waiting behind
        // an unanswered request is freed long before its own expiry (see WireActivity for why that matters).
        long requestMs = userLong(REQUEST_TIMEOUT_MS_CONFIG)
                .orElse(Math.max(1, Math.min(KAFKA_REQUEST_TIMEOUT_DEFAULT_MS, (deliveryMs - lingerMs) / 2)));
        out.put(REQUEST_TIMEOUT_MS_CONFIG, Long.toString(requestMs));

        agree(MAX_BLOCK_MS_CONFIG, number(n -> n >= 0 && n <= deliveryMs), ProducerSettings.DELIVERY_TIMEOUT, deliveryText,
                "a send may not wait for metadata longer than delivery.timeout.ms (" + deliveryMs + "); remove the key");
        long maxBlockMs = userLong(MAX_BLOCK_MS_CONFIG).orElse(Math.max(1, Math.min(budget.maxBlockMs(), deliveryMs / 2)));
        out.put(MAX_BLOCK_MS_CONFIG, Long.toString(maxBlockMs));

        // During an outage Kafka's backoffs between connection attempts and metadata requests grow to their
        // ceilings (1 s by default); a send that waits for metadata right after the broker is back should see
        // several attempts within max.block.ms, so short delivery timeouts get lower ceilings
        capBackoff(RECONNECT_BACKOFF_MAX_MS_CONFIG, RECONNECT_BACKOFF_MS_CONFIG, maxBlockMs / 4);
        capBackoff(RETRY_BACKOFF_MAX_MS_CONFIG, RETRY_BACKOFF_MS_CONFIG, maxBlockMs / 4);
        return new DeliveryTimings(deliveryMs, budget.marginNanos(), maxBlockMs);
    }

    /** Lowers Kafka's backoff ceiling {@code maxKey} to {@code wanted} (not below its start) unless the user set it. */
    private void capBackoff(String maxKey, String startKey, long wanted) {
        if (config.property(maxKey).isPresent()) {
            return;
        }
        long start = userLong(startKey).orElse(kafkaDefault(startKey));
        out.put(maxKey, Long.toString(Math.min(kafkaDefault(maxKey), Math.max(start, wanted))));
    }

    private void sizes() {
        long batchSize;
        if (settings.batchMaxBytes() != null) {
            int neutral = settings.batchMaxBytes();
            agree(BATCH_SIZE_CONFIG, number(n -> n == neutral), ProducerSettings.BATCH_MAX_BYTES, Integer.toString(neutral),
                    "set only " + ProducerSettings.BATCH_MAX_BYTES);
            batchSize = neutral;
            out.put(BATCH_SIZE_CONFIG, Integer.toString(neutral));
        } else {
            batchSize = userLong(BATCH_SIZE_CONFIG).orElse(kafkaDefault(BATCH_SIZE_CONFIG));
        }

        long maxMessage = settings.maxMessageSize();
        long smallestRequest = maxMessage + RECORD_FRAMING_BYTES;
        agree(MAX_REQUEST_SIZE_CONFIG, number(n -> n >= smallestRequest), ProducerSettings.MAX_MESSAGE_SIZE,
                Long.toString(maxMessage), "Kafka would refuse messages the producer accepts; it needs at least "
                        + smallestRequest + " (the message size plus " + RECORD_FRAMING_BYTES + " bytes of framing);"
                        + " remove the key or lower " + ProducerSettings.MAX_MESSAGE_SIZE);
        if (config.property(MAX_REQUEST_SIZE_CONFIG).isEmpty()) {
            out.put(MAX_REQUEST_SIZE_CONFIG, Long.toString(Math.min(Integer.MAX_VALUE, maxMessage + KEY_AND_HEADERS_ALLOWANCE)));
        }

        // Kafka may hold a whole batch buffer for each unacknowledged message (one per partition and request in
        // flight), so room for that many batches plus every value keeps it from blocking inside the producer's bound.
        long bufferMemory = settings.bufferMaxBytes() + settings.bufferMaxMessages() * (batchSize + PER_MESSAGE_ALLOWANCE);
        agree(BUFFER_MEMORY_CONFIG, number(n -> n >= bufferMemory), ProducerSettings.BUFFER_MAX_BYTES,
                Long.toString(settings.bufferMaxBytes()), "with " + ProducerSettings.BUFFER_MAX_MESSAGES + "="
                        + settings.bufferMaxMessages() + " Kafka needs at least " + bufferMemory + " bytes so that it never"
                        + " blocks a send inside the producer's own bound; lower the neutral bounds instead");
        if (config.property(BUFFER_MEMORY_CONFIG).isEmpty()) {
            out.put(BUFFER_MEMORY_CONFIG, Long.toString(bufferMemory));
        }
    }

    private void agree(String key, Predicate<String> allowed, String neutralKey, String neutralValue, String fix) {
        config.requireAgreement(key, allowed, neutralKey, neutralValue, fix);
    }

    private OptionalLong userLong(String key) {
        String value = config.property(key).map(String::strip).orElse(null);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw invalid("'" + config.fullKey(key) + "=" + BindingConfig.shown(key, value) + "' is not a whole number");
        }
    }

    private static Predicate<String> number(LongPredicate allowed) {
        return value -> {
            try {
                return allowed.test(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return false;
            }
        };
    }

    private static boolean isAcksAll(String acks) {
        return acks.equalsIgnoreCase("all") || acks.equals("-1");
    }

    private static long kafkaDefault(String key) {
        return ((Number) ProducerConfig.configDef().defaultValues().get(key)).longValue();
    }

    /** A duration as users write it in neutral keys: 30s, 1500ms. */
    static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static MessagingException invalid(String message) {
        return new MessagingException(Reason.INVALID_ARGUMENT, message);
    }
}
