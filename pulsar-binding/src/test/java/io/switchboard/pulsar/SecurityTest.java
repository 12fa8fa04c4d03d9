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

import io.switchboard.Destination;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.embedded.pulsar.EmbeddedPulsar;
import io.switchboard.embedded.pulsar.EmbeddedPulsarExtension;
import io.switchboard.tck.pulsar.PulsarProbe;
import org.apache.pulsar.client.api.AuthenticationFactory;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Token (JWT) authentication on a broker that authenticates and authorizes. */
class SecurityTest {
    @RegisterExtension
    static final EmbeddedPulsarExtension SECURED = TestBrokers.secured();

    /**
     * The refusals (UNAUTHENTICATED, PERMISSION_DENIED) must come from the broker before the binding's own TIMEOUT,
     * which fails a record still waiting for its producer {@code DeadlineMargin} before the deadline. On a freshly
     * started secured broker under load, the first connection, lookup and authorization can take seconds, so the
     * timeout is ample; the cases still check that the refusal came before it.
     */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    private static EmbeddedPulsar pulsar;
    private static PulsarClient superClient;
    private static String topic;
    private TestProducers producers;

    @BeforeAll
    static void grantTheAppRole(EmbeddedPulsar broker) throws Exception {
        pulsar = broker;
        String superToken = broker.createToken(EmbeddedPulsar.SUPERUSER_ROLE);
        topic = broker.createTopic(BrokerTest.unique("secured"));
        TestBrokers.grantProduce(broker, topic, "app");
        superClient = PulsarClient.builder().serviceUrl(broker.serviceUrl())
                .authentication(AuthenticationFactory.token(superToken)).build();
    }

    @AfterAll
    static void closeClient() {
        superClient.closeAsync();
    }

    @BeforeEach
    void openProducers() {
        producers = new TestProducers(pulsar.serviceUrl());
    }

    @AfterEach
    void closeProducers() {
        producers.close();
    }

    @Test
    void aGoodTokenIsAccepted() {
        Producer<String> producer = withToken(pulsar.createToken("app"));
        producer.send(Message.to(topic).value("authenticated"));
        assertThat(new PulsarProbe(superClient).read(Destination.of(topic), 1, Duration.ofSeconds(15)))
                .anySatisfy(m -> assertThat(m.valueAsString()).isEqualTo("authenticated"));
    }

    @Test
    void aBadTokenFailsUnauthenticatedBeforeTheDeliveryTimeout() {
        Producer<String> producer = withToken(forged(pulsar.createToken("app")));
        long start = System.nanoTime();
        MessagingException e = failure(producer.sendAsync(Message.to(topic).value("refused")));
        assertThat(e.reason()).isEqualTo(Reason.UNAUTHENTICATED);
        assertThat(e.getCause()).isInstanceOf(PulsarClientException.AuthenticationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to the refusal")
                .isLessThanOrEqualTo(DELIVERY_TIMEOUT);
    }

    @Test
    void aRoleWithoutPermissionIsDenied() {
        Producer<String> producer = withToken(pulsar.createToken("stranger"));
        long start = System.nanoTime();
        MessagingException e = failure(producer.sendAsync(Message.to(topic).value("refused")));
        assertThat(e.reason()).isEqualTo(Reason.PERMISSION_DENIED);
        assertThat(e.getCause()).isInstanceOf(PulsarClientException.AuthorizationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to the refusal")
                .isLessThanOrEqualTo(DELIVERY_TIMEOUT);
    }

    @Test
    void theDeduplicationCheckUsesTheToken() {
        Producer<String> allowed = producers.open(PulsarKeys.AUTH_TOKEN, pulsar.createToken(EmbeddedPulsar.SUPERUSER_ROLE),
                ProducerSettings.GUARANTEE, "effectively-once", PulsarKeys.ADMIN_URL, pulsar.httpUrl());
        MessagingException off = failure(allowed.sendAsync(Message.to(topic).value("refused")));
        assertThat(off.getMessage()).as("this broker does not deduplicate").contains("deduplication is off");
        Producer<String> stranger = producers.open(PulsarKeys.AUTH_TOKEN, pulsar.createToken("app"),
                ProducerSettings.GUARANTEE, "effectively-once", PulsarKeys.ADMIN_URL, pulsar.httpUrl());
        MessagingException unverified = failure(stranger.sendAsync(Message.to(topic).value("refused")));
        assertThat(unverified.reason()).isEqualTo(Reason.UNSUPPORTED);
        assertThat(unverified.getMessage()).contains("could not be verified").contains("HTTP 40");
    }

    @Test
    void theTokenNeverAppearsInTextOrLogs() {
        String good = pulsar.createToken("app");
        String bad = forged(pulsar.createToken("app"));
        List<String> texts = new ArrayList<>();
        try (CapturedLogs logs = new CapturedLogs()) {
            for (String token : List.of(good, bad)) {
                Producer<String> producer = withToken(token);
                texts.add(producer.toString());
                CompletableFuture<Receipt> sent = producer.sendAsync(Message.to(topic).value("logged"));
                Throwable error = sent.handle((r, e) -> e).join();
                for (Throwable t = error; t != null; t = t.getCause()) {
                    texts.add(t.toString());
                }
                producer.close(Duration.ofSeconds(5));
            }
            assertThat(logs.lines()).as("log lines captured").isNotEmpty();
            texts.addAll(logs.lines());
        }
        for (String token : List.of(good, bad)) {
            String signature = token.substring(token.lastIndexOf('.') + 1);
            assertThat(texts).noneMatch(text -> text.contains(token)).noneMatch(text -> text.contains(signature));
        }
    }

    private Producer<String> withToken(String token) {
        return producers.open(PulsarKeys.AUTH_TOKEN, token, ProducerSettings.DELIVERY_TIMEOUT,
                DELIVERY_TIMEOUT.toMillis() + "ms");
    }

    /** The token with its signature changed: well formed, signed by nobody the broker knows. */
    private static String forged(String token) {
        int dot = token.lastIndexOf('.');
        String signature = token.substring(dot + 1);
        char first = signature.charAt(0) == 'A' ? 'B' : 'A';
        return token.substring(0, dot + 1) + first + signature.substring(1);
    }

    private static MessagingException failure(CompletableFuture<?> future) {
        try {
            Throwable error = future.handle((r, e) -> e).get(15, TimeUnit.SECONDS);
            assertThat(error).as("the send succeeded").isInstanceOf(MessagingException.class);
            return (MessagingException) error;
        } catch (Exception e) {
            throw new AssertionError("no outcome within 15 s", e);
        }
    }
}
