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
package io.switchboard.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.testing.TestSecrets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SaslPlainTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String ALICE_PASSWORD = TestSecrets.generate("alice");
    private static final String BOB_PASSWORD = TestSecrets.generate("bob");

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startSecuredBroker() {
        kafka = EmbeddedKafka.builder()
                .saslPlain(Map.of("alice", ALICE_PASSWORD, "bob", BOB_PASSWORD))
                .aclAuthorization(true)
                .build()
                .start();
    }

    @AfterAll
    static void closeBroker() {
        kafka.close();
    }

    @Test
    void acceptsTheRightPassword() throws Exception {
        kafka.createTopic("open", 1);
        try (KafkaProducer<String, String> producer = TestClients.producer(kafka.saslClientProperties("alice", ALICE_PASSWORD))) {
            assertThat(producer.send(new ProducerRecord<>("open", "hi")).get(BOUND.toSeconds(), TimeUnit.SECONDS).offset())
                    .isZero();
        }
    }

    @Test
    void rejectsAWrongPasswordWithAnAuthenticationErrorInBoundedTime() {
        Map<String, Object> wrongPassword = new HashMap<>(kafka.saslClientProperties("alice", "not-her-password"));
        wrongPassword.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) BOUND.toMillis());
        wrongPassword.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BOUND.toMillis());
        try (Admin admin = Admin.create(wrongPassword)) {
            long startNanos = System.nanoTime();
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(BOUND.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void deniesAUserTheTopicAnAclClosesWhileOthersKeepAccess() throws Exception {
        kafka.createTopic("secrets", 1);
        kafka.denyTopicAccess("bob", "secrets");

        try (KafkaProducer<String, String> bob = TestClients.producer(kafka.saslClientProperties("bob", BOB_PASSWORD))) {
            assertThatThrownBy(() -> bob.send(new ProducerRecord<>("secrets", "leak")).get(BOUND.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<String, String> alice = TestClients.producer(kafka.saslClientProperties("alice", ALICE_PASSWORD))) {
            assertThat(alice.send(new ProducerRecord<>("secrets", "fine")).get(BOUND.toSeconds(), TimeUnit.SECONDS).offset())
                    .isZero();
        }
    }
}
