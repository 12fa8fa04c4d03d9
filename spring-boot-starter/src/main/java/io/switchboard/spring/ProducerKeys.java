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
package io.switchboard.spring;

import io.switchboard.ProducerSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns application properties into Switchboard's keys: {@code delivery-timeout} into
 * {@code switchboard.delivery-timeout}, {@code kafka.bootstrap.servers} into the Kafka binding's
 * {@code kafka.bootstrap.servers}. Unset properties give no key, so Switchboard's defaults apply.
 */
final class ProducerKeys {
    private ProducerKeys() {
    }

    /** The keys of {@code producer}. */
    static Map<String, String> of(ProducerProperties producer) {
        Map<String, String> keys = new LinkedHashMap<>();
        add(keys, producer);
        return keys;
    }

    /** The keys of a named producer: the application producer's, then its own over them. */
    static Map<String, String> of(ProducerProperties base, ProducerProperties named) {
        Map<String, String> keys = new LinkedHashMap<>();
        add(keys, base);
        add(keys, named);
        return keys;
    }

    private static void add(Map<String, String> keys, ProducerProperties p) {
        put(keys, ProducerSettings.BINDING, p.getBinding());
        put(keys, ProducerSettings.CLIENT_ID, p.getClientId());
        put(keys, ProducerSettings.GUARANTEE, p.getGuarantee());
        put(keys, ProducerSettings.DELIVERY_TIMEOUT, p.getDeliveryTimeout());
        put(keys, ProducerSettings.MAX_BLOCK, p.getMaxBlock());
        put(keys, ProducerSettings.BUFFER_WHEN_FULL, p.getBuffer().getWhenFull());
        put(keys, ProducerSettings.BUFFER_MAX_MESSAGES, p.getBuffer().getMaxMessages());
        put(keys, ProducerSettings.BUFFER_MAX_BYTES, p.getBuffer().getMaxBytes());
        put(keys, ProducerSettings.MAX_MESSAGE_SIZE, p.getMaxMessageSize());
        put(keys, ProducerSettings.LINGER, p.getLinger());
        put(keys, ProducerSettings.BATCH_MAX_BYTES, p.getBatch().getMaxBytes());
        put(keys, ProducerSettings.COMPRESSION, p.getCompression());
        put(keys, ProducerSettings.PARTITIONER, p.getPartitioner());
        put(keys, ProducerSettings.RETRY_MAX_ATTEMPTS, p.getRetry().getMaxAttempts());
        put(keys, ProducerSettings.RETRY_BACKOFF, p.getRetry().getBackoff());
        put(keys, ProducerSettings.RETRY_MAX_BACKOFF, p.getRetry().getMaxBackoff());
        put(keys, ProducerSettings.DEAD_LETTER, p.getDeadLetter());
        put(keys, ProducerSettings.CLOSE_TIMEOUT, p.getCloseTimeout());
        put(keys, ProducerSettings.CONTENT_TYPE_HEADER, p.getContentTypeHeader());
        put(keys, ProducerSettings.INTERCEPTORS, p.getInterceptors());
        addAll(keys, p.getKafka(), key -> "kafka." + key);
        addAll(keys, p.getPulsar(), key -> "pulsar." + key);
        addAll(keys, p.getJms(), key -> "jms." + key);
        addAll(keys, p.getMemory(), key -> "memory." + key);
        addAll(keys, p.getProperties(), Function.identity());
    }

    private static void put(Map<String, String> keys, String key, String value) {
        if (value != null) {
            keys.put(key, value);
        }
    }

    private static void addAll(Map<String, String> keys, Map<String, String> values, Function<String, String> key) {
        if (values != null) {
            values.forEach((name, value) -> put(keys, key.apply(name), value));
        }
    }
}
