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

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.Destination;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.embedded.pulsar.EmbeddedPulsar;
import io.switchboard.embedded.pulsar.EmbeddedPulsarExtension;
import io.switchboard.tck.pulsar.PulsarProbe;
import io.switchboard.testing.tls.KeyMaterial;
import io.switchboard.testing.tls.TrustMaterial;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.AuthenticationFactory;
import org.apache.pulsar.client.api.PulsarClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The binding over TLS with token authentication and hostname verification on, as the README shows it: the right
 * trust works, and each way a TLS set-up goes wrong fails the send within the delivery timeout with the TLS cause
 * named, never a hang.
 */
class TlsTest {
    @RegisterExtension
    static final EmbeddedPulsarExtension SECURED = TestBrokers.secured();

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(8);

    private static EmbeddedPulsar pulsar;
    private static String topic;
    private TestProducers producers;

    @BeforeAll
    static void grantTheAppRole(EmbeddedPulsar broker) throws Exception {
        pulsar = broker;
        topic = broker.createTopic(BrokerTest.unique("over-tls"));
        TestBrokers.grantProduce(broker, topic, "app");
    }

    @BeforeEach
    void openProducers() {
        producers = new TestProducers(pulsar.tlsServiceUrl());
    }

    @AfterEach
    void closeProducers() {
        producers.close();
    }

    @Test
    @DisplayName("over pulsar+ssl:// with the CA trusted and a token, the message is written")
    void rightTrust() throws Exception {
        String token = pulsar.createToken("app");
        Producer<String> producer = producers.open(settings(pulsar.tlsServiceUrl(), TestBrokers.TLS.trust(), token));
        producer.send(Message.to(topic).value("over TLS"));
        try (PulsarClient reader = PulsarClient.builder().serviceUrl(pulsar.serviceUrl())
                .authentication(AuthenticationFactory.token(pulsar.createToken(EmbeddedPulsar.SUPERUSER_ROLE))).build()) {
            assertThat(new PulsarProbe(reader).read(Destination.of(topic), 1, Duration.ofSeconds(15)))
                    .anySatisfy(m -> assertThat(m.valueAsString()).isEqualTo("over TLS"));
        }
        assertThat(producer.toString()).doesNotContain(token);
    }

    @Test
    @DisplayName("a trust store without the broker's CA fails the send, naming the failed certification path")
    void wrongTrust() {
        MessagingException error = refused(pulsar.tlsServiceUrl(), TestBrokers.TLS.otherTrust());
        assertThat(error.getMessage()).contains("TLS").containsIgnoringCase("certification path");
    }

    @Test
    @DisplayName("a broker whose certificate names another host fails the send, naming the hostname mismatch")
    void hostnameMismatch() {
        try (EmbeddedPulsar misnamed = started(TestBrokers.TLS.misnamedServer())) {
            MessagingException error = refused(misnamed.tlsServiceUrl(), TestBrokers.TLS.trust());
            assertThat(error.getMessage()).contains("TLS").contains("No subject alternative");
        }
    }

    @Test
    @DisplayName("a broker whose certificate expired fails the send, naming the failed validity check")
    void expiredCertificate() {
        try (EmbeddedPulsar expired = started(TestBrokers.TLS.expiredServer())) {
            MessagingException error = refused(expired.tlsServiceUrl(), TestBrokers.TLS.trust());
            assertThat(error.getMessage()).contains("TLS").containsIgnoringCase("expired");
        }
    }

    /** A broker of its own, without authentication, presenting {@code key} on its TLS port. */
    private static EmbeddedPulsar started(KeyMaterial key) {
        EmbeddedPulsar broker = EmbeddedPulsar.builder().tls(key.certificateChain(), key.privateKey()).build();
        broker.start();
        return broker;
    }

    /** The send fails by the delivery timeout (with room for a loaded machine), as not written, without secrets. */
    private MessagingException refused(String serviceUrl, TrustMaterial trust) {
        String token = pulsar.createToken("app");
        Producer<String> producer = producers.open(settings(serviceUrl, trust, token));
        CompletableFuture<?> sent = producer.sendAsync(Message.to(topic).value("never"));
        Throwable error;
        try {
            error = sent.handle((r, e) -> e).get(DELIVERY_TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("no outcome within the delivery timeout and 5 s", e);
        }
        assertThat(error).as("the send succeeded").isInstanceOf(MessagingException.class);
        MessagingException failure = (MessagingException) error;
        assertThat(failure.reason()).as(failure.toString()).isEqualTo(Reason.UNAUTHENTICATED);
        assertThat(failure.mayHaveBeenWritten()).isFalse();
        assertThat(failure.getMessage()).doesNotContain(token).contains("pulsar.client.tlsTrustCertsFilePath");
        return failure;
    }

    /** The keys of the README. */
    private static Map<String, String> settings(String serviceUrl, TrustMaterial trust, String token) {
        return TestProducers.pairs(PulsarKeys.SERVICE_URL, serviceUrl,
                PulsarKeys.CLIENT_PREFIX + "tlsTrustCertsFilePath", trust.certificates().toString(),
                PulsarKeys.CLIENT_PREFIX + "tlsHostnameVerificationEnable", "true",
                PulsarKeys.AUTH_TOKEN, token,
                ProducerSettings.DELIVERY_TIMEOUT, DELIVERY_TIMEOUT.toMillis() + "ms");
    }
}
