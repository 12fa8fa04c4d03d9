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
package io.switchboard.embedded.pulsar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.Authentication;
import org.apache.pulsar.client.api.AuthenticationFactory;
import org.apache.pulsar.client.api.ClientBuilder;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.common.policies.data.AuthAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenAuthenticationTest {

    /** Authorization on as well, so that a valid token of a role without permissions is refused. */
    @RegisterExtension
    static final EmbeddedPulsarExtension PULSAR = new EmbeddedPulsarExtension(EmbeddedPulsar.builder()
            .tokenAuthentication(true)
            .brokerProperty("authorizationEnabled", "true"));

    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void superUserTokenCanProduceAndConsume(EmbeddedPulsar pulsar) throws Exception {
        String topic = pulsar.createTopic("secured");
        Authentication token = AuthenticationFactory.token(pulsar.createToken(EmbeddedPulsar.SUPERUSER_ROLE));
        try (PulsarClient client = client(pulsar, token);
             Consumer<String> consumer = client.newConsumer(Schema.STRING).topic(topic).subscriptionName("s")
                     .subscribe();
             Producer<String> producer = client.newProducer(Schema.STRING).topic(topic).create()) {
            producer.send("hello");

            Message<String> message = consumer.receive(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.getValue()).isEqualTo("hello");
        }
    }

    @Test
    void tokenSignedWithAnotherKeyFailsAuthenticationQuickly(EmbeddedPulsar pulsar) throws Exception {
        String foreignToken = EmbeddedPulsar.builder().tokenAuthentication(true).build()
                .createToken(EmbeddedPulsar.SUPERUSER_ROLE);

        assertAuthenticationFails(clientBuilder(pulsar).authentication(AuthenticationFactory.token(foreignToken)));
    }

    @Test
    void clientWithoutTokenFailsAuthenticationQuickly(EmbeddedPulsar pulsar) throws Exception {
        assertAuthenticationFails(clientBuilder(pulsar));
    }

    @Test
    void validTokenOfRoleWithoutPermissionIsDenied(EmbeddedPulsar pulsar) throws Exception {
        String topic = pulsar.createTopic("not-for-interns");
        try (PulsarClient client = client(pulsar, AuthenticationFactory.token(pulsar.createToken("intern")))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.newProducer().topic(topic).create())
                    .isInstanceOf(PulsarClientException.AuthorizationException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        }
    }

    @Test
    void roleGrantedPermissionThroughTheAdminApiMayProduce(EmbeddedPulsar pulsar) throws Exception {
        String topic = pulsar.createTopic("for-the-app");
        Authentication superUser = AuthenticationFactory.token(pulsar.createToken(EmbeddedPulsar.SUPERUSER_ROLE));
        try (PulsarAdmin admin = PulsarAdmin.builder().serviceHttpUrl(pulsar.httpUrl()).authentication(superUser)
                .build()) {
            admin.topics().grantPermission(topic, "app", Set.of(AuthAction.produce));
        }

        try (PulsarClient client = client(pulsar, AuthenticationFactory.token(pulsar.createToken("app")));
             Producer<byte[]> producer = client.newProducer().topic(topic).create()) {
            assertThat(producer.send(new byte[] {42})).isNotNull();
        }
    }

    private static void assertAuthenticationFails(ClientBuilder builder) throws Exception {
        try (PulsarClient client = builder.build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.newProducer().topic("persistent://public/default/any").create())
                    .isInstanceOf(PulsarClientException.AuthenticationException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        }
    }

    private static PulsarClient client(EmbeddedPulsar pulsar, Authentication authentication) throws Exception {
        return clientBuilder(pulsar).authentication(authentication).build();
    }

    private static ClientBuilder clientBuilder(EmbeddedPulsar pulsar) {
        return PulsarClient.builder().serviceUrl(pulsar.serviceUrl()).operationTimeout(30, TimeUnit.SECONDS);
    }
}
