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
package io.switchboard.micrometer;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.Destination;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerBuilder;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.Serializers;
import io.switchboard.jms.JmsHeaderNames;
import io.switchboard.jms.JmsHeaderValues;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.FixtureProducers;
import io.switchboard.tck.SecretSettings;
import io.switchboard.tck.jms.HeaderDecoding;
import io.switchboard.tck.jms.JmsFixture;
import io.switchboard.tck.kafka.KafkaFixture;
import io.switchboard.tck.pulsar.PulsarFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metrics on real brokers, started embedded through the compatibility kit's fixtures: acknowledged sends timed
 * under the binding's own name, and a producer the broker refuses for a wrong secret counted by its reason.
 */
class MetricsOnRealBrokersTest {
    private static final Map<String, BindingFixture> FIXTURES = new ConcurrentHashMap<>();

    @AfterAll
    static void stopBrokers() throws Exception {
        for (BindingFixture fixture : FIXTURES.values()) {
            ((AutoCloseable) fixture).close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kafka", "pulsar", "jms"})
    void acknowledgedAndRefusedSendsAreMeasuredOnTheBroker(String binding) {
        BindingFixture fixture = fixture(binding);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Destination orders = fixture.createDestination("metrics-" + UUID.randomUUID(), 2);
        try (Producer<String> producer = builder(fixture, Map.of()).interceptor(SwitchboardMetrics.of(registry)).build()) {
            for (int i = 0; i < 3; i++) {
                producer.send(Message.to(orders).key("k" + i).value("v" + i));
            }
        }
        Timer acknowledged = registry.get(SwitchboardMetrics.SEND).tags("binding", binding,
                "destination", orders.name(), "outcome", "acknowledged").timer();
        assertThat(acknowledged.count()).isEqualTo(3);

        SecretSettings secrets = fixture.secretSettings().orElseThrow();
        Map<String, String> wrong = new LinkedHashMap<>(secrets.wrong());
        wrong.put("switchboard.delivery-timeout", "5s");
        Producer<String> refused;
        try {
            refused = builder(fixture, wrong).interceptor(SwitchboardMetrics.of(registry)).build();
        } catch (MessagingException atBuild) {
            // a binding that connects when built (JMS) refuses there: no send, so nothing to count
            assertThat(atBuild.reason()).isEqualTo(Reason.UNAUTHENTICATED);
            assertThat(registry.find(SwitchboardMetrics.SEND).tags("outcome", "failed").timers()).isEmpty();
            return;
        }
        try (refused) {
            CompletableFuture<Receipt> send = refused.sendAsync(Message.to(secrets.destination()).value("refused"));
            await().atMost(Duration.ofSeconds(20)).until(send::isDone);
            assertThat(send).isCompletedExceptionally();
        }
        assertThat(registry.get(SwitchboardMetrics.SEND).tags("destination", secrets.destination().name(),
                "outcome", "failed", "reason", "unauthenticated").timer().count()).isEqualTo(1);
    }

    private static ProducerBuilder<String> builder(BindingFixture fixture, Map<String, String> settings) {
        return FixtureProducers.builder(fixture, Serializers.string()).properties(settings);
    }

    private static BindingFixture fixture(String binding) {
        Supplier<BindingFixture> start = switch (binding) {
            case "kafka" -> KafkaFixture::embedded;
            case "pulsar" -> PulsarFixture::embedded;
            default -> () -> JmsFixture.embeddedArtemis(HeaderDecoding.of(JmsHeaderNames::decode, JmsHeaderValues::decode));
        };
        return FIXTURES.computeIfAbsent(binding, b -> start.get());
    }
}
