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
package io.switchboard.opentelemetry;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
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
import io.switchboard.tck.ProbedMessage;
import io.switchboard.tck.SecretSettings;
import io.switchboard.tck.jms.HeaderDecoding;
import io.switchboard.tck.jms.JmsFixture;
import io.switchboard.tck.kafka.KafkaFixture;
import io.switchboard.tck.pulsar.PulsarFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace crosses real brokers: what arrived, read with each broker's own client (the kit's probe), carries a
 * {@code traceparent} whose trace id and parent span id are the producer span's; a producer the broker refuses for a
 * wrong secret ends its span with ERROR and the reason.
 */
class TracingOnRealBrokersTest {
    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();
    private static final Map<String, BindingFixture> FIXTURES = new ConcurrentHashMap<>();

    @AfterAll
    static void stopBrokers() throws Exception {
        for (BindingFixture fixture : FIXTURES.values()) {
            ((AutoCloseable) fixture).close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kafka", "pulsar", "jms"})
    void aPlainConsumerOfTheBrokerCanContinueTheTrace(String binding) {
        BindingFixture fixture = fixture(binding);
        Destination orders = fixture.createDestination("tracing-" + UUID.randomUUID(), 2);
        Receipt receipt;
        try (Producer<String> producer = builder(fixture, Map.of()).build()) {
            receipt = producer.send(Message.to(orders).key("k").value("traced"));
        }

        SpanData span = spanOf(orders.name());
        assertThat(span.getAttributes().get(SwitchboardTracing.SYSTEM)).isEqualTo(binding);
        receipt.messageId().ifPresent(id -> assertThat(span.getAttributes().get(SwitchboardTracing.MESSAGE_ID)).isEqualTo(id));
        List<ProbedMessage> read = fixture.probe().read(orders, 1, Duration.ofSeconds(30));
        assertThat(read).hasSize(1);
        String traceparent = read.get(0).headers().get("traceparent");
        assertThat(traceparent).as("traceparent as the broker holds it").isNotNull();
        String[] parts = traceparent.split("-");
        assertThat(parts[1]).as("trace id").isEqualTo(span.getTraceId());
        assertThat(parts[2]).as("parent span id").isEqualTo(span.getSpanId());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kafka", "pulsar", "jms"})
    void aRefusedCredentialEndsTheSpanWithErrorAndTheReason(String binding) {
        BindingFixture fixture = fixture(binding);
        SecretSettings secrets = fixture.secretSettings().orElseThrow();
        Map<String, String> wrong = new LinkedHashMap<>(secrets.wrong());
        wrong.put("switchboard.delivery-timeout", "5s");
        Producer<String> refused;
        try {
            refused = builder(fixture, wrong).build();
        } catch (MessagingException atBuild) {
            // a binding that connects when built (JMS) refuses there: no send, so no span
            assertThat(atBuild.reason()).isEqualTo(Reason.UNAUTHENTICATED);
            assertThat(OTEL.getSpans()).isEmpty();
            return;
        }
        try (refused) {
            CompletableFuture<Receipt> send = refused.sendAsync(Message.to(secrets.destination()).value("refused"));
            await().atMost(Duration.ofSeconds(20)).until(send::isDone);
        }

        SpanData span = spanOf(secrets.destination().name());
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getAttributes().get(SwitchboardTracing.ERROR_TYPE)).isEqualTo("UNAUTHENTICATED");
    }

    /** Kafka and Pulsar: no topic is created on a send (JMS creates queues on first use, so it has no such failure). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kafka", "pulsar"})
    void aSendToADestinationThatIsNotThereEndsItsSpanWithError(String binding) {
        BindingFixture fixture = fixture(binding);
        String missing = "missing-" + UUID.randomUUID();
        try (Producer<String> producer = builder(fixture, Map.of("switchboard.delivery-timeout", "3s")).build()) {
            CompletableFuture<Receipt> send = producer.sendAsync(Message.to(missing).value("nowhere"));
            await().atMost(Duration.ofSeconds(20)).until(send::isDone);
            assertThat(send).isCompletedExceptionally();
        }

        SpanData span = spanOf(missing);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getAttributes().get(SwitchboardTracing.ERROR_TYPE)).isIn("NOT_FOUND", "TIMEOUT");
    }

    private static SpanData spanOf(String destination) {
        await().atMost(Duration.ofSeconds(10)).until(() -> OTEL.getSpans().stream()
                .anyMatch(s -> s.getName().equals("send " + destination)));
        return OTEL.getSpans().stream().filter(s -> s.getName().equals("send " + destination)).findFirst().orElseThrow();
    }

    private static ProducerBuilder<String> builder(BindingFixture fixture, Map<String, String> settings) {
        return FixtureProducers.builder(fixture, Serializers.string()).properties(settings).interceptor(SwitchboardTracing.of(OTEL.getOpenTelemetry()));
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
