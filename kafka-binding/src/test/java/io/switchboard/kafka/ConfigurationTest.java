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
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How neutral and {@code kafka.*} keys become the native producer's configuration, read back from the
 * {@code KafkaProducer} itself. The producers here point at an address nobody listens on: Kafka connects lazily,
 * so creating one needs no broker.
 */
class ConfigurationTest {
    private static final String NOWHERE = "127.0.0.1:1";

    private static Producer<String> producer(String... keyValues) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(ProducerSettings.BINDING, "kafka");
        all.put("kafka.bootstrap.servers", NOWHERE);
        all.put(ProducerSettings.CLOSE_TIMEOUT, "0s");
        for (int i = 0; i < keyValues.length; i += 2) {
            all.put(keyValues[i], keyValues[i + 1]);
        }
        return Switchboard.builder(Serializers.string()).properties(all).build();
    }

    private static MessagingException creationFailure(String... keyValues) {
        try (Producer<String> unexpected = producer(keyValues)) {
            throw new AssertionError("expected the producer's creation to fail, got " + unexpected);
        } catch (MessagingException e) {
            return e;
        }
    }

    @Test
    @DisplayName("the URL's address becomes bootstrap.servers")
    void urlAddressBecomesBootstrapServers() throws Exception {
        try (Producer<String> producer = Switchboard.builder(Serializers.string())
                .url("kafka://127.0.0.1:1,127.0.0.1:2/?linger.ms=7&switchboard.close-timeout=0s").build()) {
            ProducerConfig config = Producers.effectiveConfig(producer);
            assertThat(config.getList(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)).containsExactly("127.0.0.1:1", "127.0.0.1:2");
            assertThat(config.getLong(ProducerConfig.LINGER_MS_CONFIG)).isEqualTo(7);
        }
        assertThat(new KafkaBindingProvider().propertiesFromUrl("h1:9092,h2:9092"))
                .isEqualTo(Map.of("bootstrap.servers", "h1:9092,h2:9092"));
        assertThat(new KafkaBindingProvider().propertiesFromUrl("")).isEmpty();
    }

    @Test
    @DisplayName("neutral keys drive Kafka's timeouts, sizes, batching and compression")
    void neutralKeysDriveTheNativeSettings() throws Exception {
        try (Producer<String> producer = producer(
                ProducerSettings.CLIENT_ID, "orders-service",
                ProducerSettings.DELIVERY_TIMEOUT, "10s",
                ProducerSettings.LINGER, "25ms",
                ProducerSettings.BATCH_MAX_BYTES, "32768",
                ProducerSettings.COMPRESSION, "gzip",
                ProducerSettings.BUFFER_MAX_BYTES, "1MiB",
                ProducerSettings.BUFFER_MAX_MESSAGES, "100",
                ProducerSettings.MAX_MESSAGE_SIZE, "100000")) {
            ProducerConfig config = Producers.effectiveConfig(producer);
            assertThat(config.getString(ProducerConfig.CLIENT_ID_CONFIG)).isEqualTo("orders-service");
            // Kafka gives up 1 s (DeadlineMargin: a tenth, at most 1 s) before the producer's own deadline, so its
            // answer is the one reported
            assertThat(config.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo(9_000);
            assertThat(config.getLong(ProducerConfig.LINGER_MS_CONFIG)).isEqualTo(25);
            assertThat(config.getInt(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)).isEqualTo(4_487); // (9000 - 25 linger) / 2
            assertThat(config.getInt(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG) + config.getLong(ProducerConfig.LINGER_MS_CONFIG))
                    .isLessThanOrEqualTo(config.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
            assertThat(config.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG)).isEqualTo(4_500);
            assertThat(config.getInt(ProducerConfig.BATCH_SIZE_CONFIG)).isEqualTo(32_768);
            assertThat(config.getString(ProducerConfig.COMPRESSION_TYPE_CONFIG)).isEqualTo("gzip");
            assertThat(config.getLong(ProducerConfig.BUFFER_MEMORY_CONFIG)).isEqualTo((1L << 20) + 100L * (32_768 + 1024));
            assertThat(config.getInt(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)).isEqualTo(100_000 + 64 * 1024);
        }
    }

    @Test
    @DisplayName("other kafka.* keys reach the native producer as they are")
    void passthroughKeysReachTheNativeProducer() throws Exception {
        try (Producer<String> producer = producer("kafka.retry.backoff.ms", "77", "kafka.metadata.max.age.ms", "12345",
                "kafka.max.request.size", "5000000")) {
            ProducerConfig config = Producers.effectiveConfig(producer);
            assertThat(config.getLong(ProducerConfig.RETRY_BACKOFF_MS_CONFIG)).isEqualTo(77);
            assertThat(config.getLong(ProducerConfig.METADATA_MAX_AGE_CONFIG)).isEqualTo(12_345);
            assertThat(config.getInt(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)).isEqualTo(5_000_000);
        }
    }

    @Test
    @DisplayName("kafka.acks=0 contradicts at-least-once, and the error names both keys")
    void acksZeroContradictsAtLeastOnce() {
        MessagingException error = creationFailure("kafka.acks", "0", ProducerSettings.GUARANTEE, "at-least-once");
        assertThat(error.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(error.getMessage()).contains("kafka.acks=0", "switchboard.guarantee=at-least-once");
    }

    @Test
    @DisplayName("kafka.enable.idempotence=false contradicts effectively-once")
    void idempotenceOffContradictsEffectivelyOnce() {
        MessagingException error = creationFailure("kafka.enable.idempotence", "false",
                ProducerSettings.GUARANTEE, "effectively-once");
        assertThat(error.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(error.getMessage()).contains("kafka.enable.idempotence=false", "switchboard.guarantee=effectively-once");
    }

    @Test
    @DisplayName("every key a neutral setting decides must agree with it")
    void passthroughKeysMustAgreeWithNeutralOnes() {
        List<String[]> contradictions = List.of(
                new String[] {"kafka.acks", "1", ProducerSettings.GUARANTEE, "effectively-once"},
                new String[] {"kafka.acks", "all", ProducerSettings.GUARANTEE, "at-most-once"},
                new String[] {"kafka.retries", "3", ProducerSettings.GUARANTEE, "at-most-once"},
                new String[] {"kafka.max.in.flight.requests.per.connection", "6", ProducerSettings.GUARANTEE, "effectively-once"},
                new String[] {"kafka.linger.ms", "5", ProducerSettings.LINGER, "10ms"},
                new String[] {"kafka.batch.size", "1000", ProducerSettings.BATCH_MAX_BYTES, "2000"},
                new String[] {"kafka.compression.type", "lz4", ProducerSettings.COMPRESSION, "zstd"},
                new String[] {"kafka.client.id", "other", ProducerSettings.CLIENT_ID, "mine"},
                new String[] {"kafka.delivery.timeout.ms", "60000", ProducerSettings.DELIVERY_TIMEOUT, "30s"},
                new String[] {"kafka.request.timeout.ms", "40000", ProducerSettings.DELIVERY_TIMEOUT, "30s"},
                new String[] {"kafka.max.block.ms", "60000", ProducerSettings.DELIVERY_TIMEOUT, "30s"},
                new String[] {"kafka.buffer.memory", "1000", ProducerSettings.BUFFER_MAX_BYTES, "64MiB"},
                new String[] {"kafka.max.request.size", "1000", ProducerSettings.MAX_MESSAGE_SIZE, "1MiB"},
                new String[] {"kafka.partitioner.ignore.keys", "true", ProducerSettings.PARTITIONER, "native"});
        for (String[] c : contradictions) {
            MessagingException error = creationFailure(c[0], c[1], c[2], c[3]);
            assertThat(error.reason()).as(String.join(" ", c)).isEqualTo(Reason.INVALID_ARGUMENT);
            assertThat(error.getMessage()).as(String.join(" ", c)).contains(c[0] + "=" + c[1], c[2] + "=");
        }
    }

    @Test
    @DisplayName("keys that agree with the neutral settings are accepted")
    void agreeingKeysAreAccepted() throws Exception {
        try (Producer<String> producer = producer("kafka.acks", "-1", "kafka.enable.idempotence", "true",
                ProducerSettings.GUARANTEE, "effectively-once", "kafka.linger.ms", "10", ProducerSettings.LINGER, "10ms",
                "kafka.compression.type", "LZ4", ProducerSettings.COMPRESSION, "lz4")) {
            assertThat(Producers.effectiveConfig(producer).getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
        }
    }

    @Test
    @DisplayName("turning idempotence off for at-least-once keeps one request in flight, so retries cannot reorder a key")
    void idempotenceOffKeepsOneRequestInFlight() throws Exception {
        try (Producer<String> producer = producer("kafka.enable.idempotence", "false")) {
            ProducerConfig config = Producers.effectiveConfig(producer);
            assertThat(config.getInt(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)).isEqualTo(1);
            assertThat(config.getString(ProducerConfig.ACKS_CONFIG)).isEqualTo("-1");
        }
        MessagingException error = creationFailure("kafka.enable.idempotence", "false",
                "kafka.max.in.flight.requests.per.connection", "5");
        assertThat(error.getMessage()).contains("kafka.max.in.flight.requests.per.connection=5");
    }

    @Test
    @DisplayName("a mistyped kafka.* key fails with the key that was meant; keys for Kafka plugins pass")
    void mistypedKafkaKeysSuggestTheRightOne() throws Exception {
        MessagingException error = creationFailure("kafka.lingr.ms", "5");
        assertThat(error.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(error.getMessage()).contains("kafka.lingr.ms", "did you mean 'kafka.linger.ms'");
        try (Producer<String> producer = producer("kafka.schema.registry.url", "http://registry:8081")) {
            assertThat(producer.binding()).isEqualTo("kafka");
        }
    }

    @Test
    @DisplayName("the binding sends bytes: kafka.key.serializer and kafka.value.serializer are refused")
    void serializerKeysAreRefused() {
        for (String key : List.of("kafka.key.serializer", "kafka.value.serializer")) {
            MessagingException error = creationFailure(key, "org.apache.kafka.common.serialization.StringSerializer");
            assertThat(error.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
            assertThat(error.getMessage()).contains(key, "serializer");
        }
    }

    @Test
    @DisplayName("Kafka transactions are unsupported")
    void transactionsAreUnsupported() {
        assertThat(creationFailure("kafka.transactional.id", "tx-1").reason()).isEqualTo(Reason.UNSUPPORTED);
    }

    @Test
    @DisplayName("a missing bootstrap.servers is named, with an example")
    void missingBootstrapServersIsNamed() {
        MessagingException error = assertThrowsMessaging(() -> Switchboard.builder(Serializers.string())
                .property(ProducerSettings.BINDING, "kafka").build());
        assertThat(error.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(error.getMessage()).contains("kafka.bootstrap.servers", "kafka://");
    }

    @Test
    @DisplayName("a value Kafka itself rejects fails INVALID_ARGUMENT with Kafka's reason")
    void kafkaConfigErrorsAreInvalidArguments() {
        MessagingException error = creationFailure("kafka.retry.backoff.ms", "soon");
        assertThat(error.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(error.getMessage()).contains("retry.backoff.ms");
    }

    @Test
    @DisplayName("a password never appears in an error, not even when Kafka quotes the JAAS text it could not parse")
    void creationErrorsDoNotLeakPasswords() {
        String password = "Hunter2-TopSecret";
        // the password sits where Kafka expects the login module's control flag, and Kafka quotes that word
        MessagingException error = creationFailure("kafka.security.protocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", "PLAIN",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule " + password
                        + " username=\"alice\" password=\"" + password + "\";");
        assertThat(error.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).contains("control flag").doesNotContain(password);
    }

    @Test
    @DisplayName("the binding is found by name and claims partitions, timestamps and both extra guarantees")
    void bindingIsDiscoveredWithItsCapabilities() {
        assertThat(Switchboard.bindings()).contains("kafka");
        try (Producer<String> producer = producer()) {
            assertThat(producer.binding()).isEqualTo("kafka");
            assertThat(producer.capabilities()).containsExactlyInAnyOrder(io.switchboard.Capability.PARTITIONS,
                    io.switchboard.Capability.TIMESTAMPS, io.switchboard.Capability.AT_MOST_ONCE,
                    io.switchboard.Capability.EFFECTIVELY_ONCE);
        }
    }

    @Test
    @DisplayName("unwrap reaches the KafkaProducer and refuses other types")
    void unwrapReachesTheKafkaProducer() {
        try (Producer<String> producer = producer()) {
            org.apache.kafka.clients.producer.KafkaProducer<?, ?> kafka =
                    producer.unwrap(org.apache.kafka.clients.producer.KafkaProducer.class);
            assertThat(kafka.metrics()).isNotEmpty();
            assertThat(producer.unwrap(org.apache.kafka.clients.producer.Producer.class)).isNotNull();
            assertThatThrownBy(() -> producer.unwrap(String.class)).isInstanceOf(MessagingException.class)
                    .extracting(e -> ((MessagingException) e).reason()).isEqualTo(Reason.UNSUPPORTED);
        }
    }

    private static MessagingException assertThrowsMessaging(Runnable action) {
        try {
            action.run();
            throw new AssertionError("expected a MessagingException");
        } catch (MessagingException e) {
            return e;
        }
    }
}
