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

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.embedded.kafka.EmbeddedKafka;
import io.switchboard.testing.tls.TestTls;
import io.switchboard.testing.tls.TrustMaterial;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The binding over TLS, with the broker's name verified (Kafka's default, {@code ssl.endpoint.identification.algorithm
 * =https}): the settings of the README work, and each way a TLS set-up goes wrong fails the send UNAUTHENTICATED
 * within the delivery timeout, with the TLS cause named.
 */
class TlsTest {

    /** The delivery timeout of these producers, and so the bound on every failure. */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    @Test
    @DisplayName("over SSL with the CA in the trust store, the message is written")
    void sslWithTheRightTrustStore() throws Exception {
        String topic = Topics.create("tls", 1);
        try (Producer<String> producer = tls(TestBroker.get().tlsBootstrapServers(), TestBroker.TLS.trust())) {
            assertThat(producer.send(Message.of(topic, "over TLS")).offset()).hasValue(0);
        }
        assertThat(NativeReader.ofTestBroker().read(topic, 1, Duration.ofSeconds(30)))
                .extracting(record -> new String(record.value(), StandardCharsets.UTF_8)).containsExactly("over TLS");
    }

    @Test
    @DisplayName("over SASL_SSL with a user and the CA in the trust store, the message is written")
    void saslSslWithTheRightTrustStore() throws Exception {
        String topic = Topics.create("sasl-tls", 1);
        Map<String, String> settings = tlsSettings(TestBroker.get().saslTlsBootstrapServers(), TestBroker.TLS.trust());
        settings.put("kafka.security.protocol", "SASL_SSL");
        settings.put("kafka.sasl.mechanism", "PLAIN");
        settings.put("kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"" + TestBroker.ALICE + "\" password=\"" + TestBroker.ALICE_PASSWORD + "\";");
        try (Producer<String> producer = Producers.builder(settings).build()) {
            assertThat(producer.send(Message.of(topic, "over SASL_SSL")).offset()).hasValue(0);
            assertThat(producer.toString()).doesNotContain(TestBroker.ALICE_PASSWORD)
                    .doesNotContain(TestBroker.TLS.trust().password());
        }
    }

    @Test
    @DisplayName("a trust store without the broker's CA fails UNAUTHENTICATED, naming the failed certification path")
    void wrongTrustStore() throws Exception {
        MessagingException error = failedSend(TestBroker.get().tlsBootstrapServers(), TestBroker.TLS.otherTrust());
        assertThat(error.getMessage()).contains("TLS").contains("PKIX path building failed");
    }

    @Test
    @DisplayName("a broker whose certificate names another host fails UNAUTHENTICATED, naming the hostname mismatch")
    void hostnameMismatch() throws Exception {
        try (EmbeddedKafka misnamed = EmbeddedKafka.builder()
                .tls(TestBroker.TLS.misnamedServer().keyStore(), TestBroker.TLS.misnamedServer().password())
                .build().start()) {
            MessagingException error = failedSend(misnamed.tlsBootstrapServers(), TestBroker.TLS.trust());
            assertThat(error.getMessage()).contains("TLS").contains("No subject alternative names matching IP address "
                    + TestTls.HOST);
        }
    }

    @Test
    @DisplayName("a broker whose certificate expired fails UNAUTHENTICATED, naming the failed validity check")
    void expiredCertificate() throws Exception {
        try (EmbeddedKafka expired = EmbeddedKafka.builder()
                .tls(TestBroker.TLS.expiredServer().keyStore(), TestBroker.TLS.expiredServer().password())
                .build().start()) {
            MessagingException error = failedSend(expired.tlsBootstrapServers(), TestBroker.TLS.trust());
            assertThat(error.getMessage()).contains("TLS").contains("validity check failed");
        }
    }

    /** A send that must fail UNAUTHENTICATED by the delivery timeout, as not written, and without secrets. */
    private static MessagingException failedSend(String bootstrapServers, TrustMaterial trust) throws Exception {
        try (Producer<String> producer = tls(bootstrapServers, trust)) {
            MessagingException error = Producers.failure(producer.sendAsync(Message.of("tls-refused", "never")),
                    Producers.late(DELIVERY_TIMEOUT));
            assertThat(error.reason()).as(error.toString()).isEqualTo(Reason.UNAUTHENTICATED);
            assertThat(error.mayHaveBeenWritten()).isFalse();
            assertThat(error).hasRootCauseInstanceOf(java.security.GeneralSecurityException.class)
                    .hasCauseInstanceOf(SslAuthenticationException.class);
            assertThat(error.getMessage()).contains("kafka.ssl.truststore.location").doesNotContain(trust.password());
            return error;
        }
    }

    private static Producer<String> tls(String bootstrapServers, TrustMaterial trust) {
        Map<String, String> settings = tlsSettings(bootstrapServers, trust);
        settings.put("kafka.security.protocol", "SSL");
        return Producers.builder(settings).build();
    }

    /** The keys the README shows, with the trust store's password as the application would give it. */
    private static Map<String, String> tlsSettings(String bootstrapServers, TrustMaterial trust) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(ProducerSettings.DELIVERY_TIMEOUT, DELIVERY_TIMEOUT.toSeconds() + "s");
        settings.put("kafka.bootstrap.servers", bootstrapServers);
        settings.put("kafka.ssl.truststore.type", "PKCS12");
        settings.put("kafka.ssl.truststore.location", trust.trustStore().toString());
        settings.put("kafka.ssl.truststore.password", trust.password());
        return settings;
    }
}
