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
package io.switchboard.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.Destination;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import io.switchboard.embedded.jms.EmbeddedJmsBroker;
import io.switchboard.spi.TlsFailure;
import io.switchboard.tck.jms.JmsProbe;
import io.switchboard.testing.tls.KeyMaterial;
import io.switchboard.testing.tls.TestTls;
import io.switchboard.testing.tls.TrustMaterial;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The binding over TLS, with the broker's name verified: a connection factory set up as the README shows works, and
 * each way a TLS set-up goes wrong fails the send within the delivery timeout with the TLS cause named, never a
 * hang. Each provider's subclass says how its factory is told what to trust.
 */
abstract class JmsTlsContract {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(6);

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** The shared broker, with its TLS listener. */
    abstract EmbeddedJmsBroker broker();

    /** A builder of a broker of the same provider, for one presenting another certificate. */
    abstract EmbeddedJmsBroker.Builder newBroker();

    /**
     * The provider's factory for a TLS URL ({@link EmbeddedJmsBroker#tlsBrokerUrl()}, its host maybe changed),
     * trusting {@code trust}, with hostname verification on.
     */
    abstract ConnectionFactory tlsFactory(String tlsUrl, TrustMaterial trust) throws Exception;

    /** The plain factory the probe reads with. */
    abstract ConnectionFactory probeFactory();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        opened.clear();
    }

    @Test
    @DisplayName("with the CA in the trust store, the message is written over TLS")
    void rightTrust() throws Exception {
        Destination queue = Destination.queue("tls-" + UUID.randomUUID());
        Producer<String> producer = producer(tlsFactory(broker().tlsBrokerUrl(), TestBrokers.TLS.trust()));
        producer.send(Message.to(queue).value("over TLS"));
        JmsProbe probe = new JmsProbe(probeFactory(), TestBrokers.USER, TestBrokers.PASSWORD, name -> { },
                TestBrokers.DECODING);
        assertThat(probe.read(queue, 1, Duration.ofSeconds(10))).extracting(JmsProbe.ProbedJms::valueAsString)
                .containsExactly("over TLS");
        assertThat(producer.toString()).doesNotContain(TestBrokers.PASSWORD);
    }

    @Test
    @DisplayName("a trust store without the broker's CA fails the send, naming the failed certification path")
    void wrongTrust() throws Exception {
        MessagingException error = refused(tlsFactory(broker().tlsBrokerUrl(), TestBrokers.TLS.otherTrust()),
                TestBrokers.TLS.otherTrust());
        assertThat(error.getMessage()).as(chain(error)).contains("TLS").contains(TlsFailure.ADVICE);
        assertNamedWhenTheProviderSays(error, "PKIX path building failed");
    }

    @Test
    @DisplayName("a broker whose certificate names another host fails the send, naming the hostname mismatch")
    void hostnameMismatch() throws Exception {
        EmbeddedJmsBroker misnamed = started(TestBrokers.TLS.misnamedServer());
        MessagingException error = refused(tlsFactory(misnamed.tlsBrokerUrl(), TestBrokers.TLS.trust()),
                TestBrokers.TLS.trust());
        assertThat(error.getMessage()).as(chain(error)).contains("TLS").contains(TlsFailure.ADVICE);
        assertNamedWhenTheProviderSays(error, "No subject alternative names matching IP address " + TestTls.HOST);
    }

    @Test
    @DisplayName("a broker whose certificate expired fails the send, naming the failed validity check")
    void expiredCertificate() throws Exception {
        EmbeddedJmsBroker expired = started(TestBrokers.TLS.expiredServer());
        MessagingException error = refused(tlsFactory(expired.tlsBrokerUrl(), TestBrokers.TLS.trust()),
                TestBrokers.TLS.trust());
        assertThat(error.getMessage()).as(chain(error)).contains("TLS").contains(TlsFailure.ADVICE);
        assertNamedWhenTheProviderSays(error, "validity check failed");
    }

    /**
     * The TLS layer's words are in the message whenever the provider passed them on. ActiveMQ Classic sometimes
     * reports a failed handshake as a closed socket, without them; the message then says the provider did not say.
     */
    private static void assertNamedWhenTheProviderSays(MessagingException error, String tlsWords) {
        if (TlsFailure.certificateRefused(error.getCause()).isPresent()) {
            assertThat(error.getMessage()).as(chain(error)).contains(tlsWords);
        } else {
            assertThat(error.getMessage()).as(chain(error)).contains("the provider did not say why");
        }
    }

    /** A broker of the provider of its own, presenting {@code key}. */
    private EmbeddedJmsBroker started(KeyMaterial key) {
        EmbeddedJmsBroker broker = newBroker().user(TestBrokers.USER, TestBrokers.PASSWORD).diskSync(false)
                .tls(key.keyStore(), key.password()).build();
        opened.add(broker);
        broker.start();
        return broker;
    }

    /**
     * The producer fails, as not written and without secrets, within the delivery timeout (with room for a loaded
     * machine): at build, where the binding makes its first connection, or at the send.
     */
    private MessagingException refused(ConnectionFactory factory, TrustMaterial trust) {
        Throwable error;
        try {
            Producer<String> producer = producer(factory);
            CompletableFuture<?> sent = producer.sendAsync(Message.to(Destination.queue("tls-refused")).value("never"));
            error = sent.handle((r, e) -> e).get(DELIVERY_TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (MessagingException atBuild) {
            error = atBuild;
        } catch (Exception e) {
            throw new AssertionError("no outcome within the delivery timeout and 5 s", e);
        }
        assertThat(error).as("the send succeeded").isInstanceOf(MessagingException.class);
        MessagingException failure = (MessagingException) error;
        // the broker's TLS port took the connection: a refused one would prove nothing about TLS
        assertThat(chain(failure)).doesNotContain("ConnectException").doesNotContain("Connection refused");
        boolean refusedCertificate = TlsFailure.certificateRefused(failure.getCause()).isPresent();
        assertThat(failure.reason()).as(chain(failure))
                .isEqualTo(refusedCertificate ? Reason.UNAUTHENTICATED : Reason.UNAVAILABLE);
        assertThat(failure.mayHaveBeenWritten()).isFalse();
        assertThat(failure.getMessage()).doesNotContain(trust.password()).doesNotContain(TestBrokers.PASSWORD);
        return failure;
    }

    /** The failure and its causes, for the report of a check that fails. */
    static String chain(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(text.length() == 0 ? "" : "\n caused by ").append(t);
        }
        return text.toString();
    }

    private Producer<String> producer(ConnectionFactory factory) {
        if (factory instanceof AutoCloseable closeable) {
            opened.add(closeable);
        }
        Producer<String> producer = Switchboard.builder(Serializers.string())
                .property(ProducerSettings.BINDING, "jms")
                .property(ProducerSettings.DELIVERY_TIMEOUT, DELIVERY_TIMEOUT.toSeconds() + "s")
                .property("jms.user", TestBrokers.USER)
                .property("jms.password", TestBrokers.PASSWORD)
                .resource(ConnectionFactory.class, factory).build();
        opened.add(0, () -> producer.close(Duration.ofSeconds(5)));
        return producer;
    }
}
