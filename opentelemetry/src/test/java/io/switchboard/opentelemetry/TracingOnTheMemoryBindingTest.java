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

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.Receipt;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import io.switchboard.memory.MemoryBroker;
import io.switchboard.memory.StoredMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Spans, trace context and metrics of {@link SwitchboardTracing} on the memory binding, with the SDK's exporters. */
class TracingOnTheMemoryBindingTest {
    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    private final MemoryBroker broker = MemoryBroker.named("tracing-" + UUID.randomUUID());
    private final List<Producer<?>> opened = new ArrayList<>();

    @AfterEach
    void close() {
        broker.start();
        opened.forEach(p -> p.close(Duration.ofSeconds(5)));
    }

    @Test
    void anAcknowledgedSendIsAProducerSpanWithTheConventionsAttributesAndItsContextTravelsInTheHeaders() {
        broker.createTopic("orders", 3);
        Receipt receipt = open("switchboard.client-id", "orders-app").send(Message.to("orders").key("k").value("v"));

        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("send orders");
        assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getAttributes().get(SwitchboardTracing.SYSTEM)).isEqualTo("memory");
        assertThat(span.getAttributes().get(SwitchboardTracing.OPERATION_TYPE)).isEqualTo("send");
        assertThat(span.getAttributes().get(SwitchboardTracing.OPERATION_NAME)).isEqualTo("send");
        assertThat(span.getAttributes().get(SwitchboardTracing.DESTINATION)).isEqualTo("orders");
        assertThat(span.getAttributes().get(SwitchboardTracing.CLIENT_ID)).isEqualTo("orders-app");
        assertThat(span.getAttributes().get(SwitchboardTracing.PARTITION)).isEqualTo(String.valueOf(receipt.partition().getAsInt()));
        assertThat(span.getAttributes().get(SwitchboardTracing.MESSAGE_ID)).isEqualTo(receipt.messageId().orElseThrow());

        StoredMessage stored = broker.messages("orders").get(0);
        assertThat(stored.headers().get("traceparent")).as("W3C traceparent: version, trace id, parent id, flags")
                .matches("00-" + span.getTraceId() + "-" + span.getSpanId() + "-[0-9a-f]{2}");
    }

    @Test
    void theSpanIsAChildOfTheCurrentContext() {
        broker.createTopic("orders", 1);
        Producer<String> producer = open();
        Span request = OTEL.getOpenTelemetry().getTracer("test").spanBuilder("request").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            producer.send(Message.to("orders").value("v"));
        } finally {
            request.end();
        }

        SpanData send = OTEL.getSpans().stream().filter(s -> s.getName().equals("send orders")).findFirst().orElseThrow();
        assertThat(send.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(send.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    }

    @Test
    void aFailedSendEndsItsSpanWithErrorAndTheReasonAsErrorType() {
        broker.createTopic("orders", 1);
        broker.stop();
        CompletableFuture<Receipt> send = open("switchboard.delivery-timeout", "500ms").sendAsync(Message.to("orders").value("v"));
        await().atMost(Duration.ofSeconds(15)).until(send::isDone);

        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getAttributes().get(SwitchboardTracing.ERROR_TYPE)).isIn("TIMEOUT", "UNAVAILABLE");
        assertThat(metric(SwitchboardTracing.SENT).getLongSumData().getPoints()).singleElement()
                .satisfies(p -> assertThat(p.getAttributes().get(SwitchboardTracing.ERROR_TYPE)).isIn("TIMEOUT", "UNAVAILABLE"));
    }

    @Test
    void theMetricsCountAndTimeEverySendInSeconds() {
        broker.createTopic("orders", 1);
        Producer<String> producer = open();
        for (int i = 0; i < 4; i++) {
            producer.send(Message.to("orders").value("v" + i));
        }

        MetricData duration = metric(SwitchboardTracing.DURATION);
        assertThat(duration.getUnit()).isEqualTo("s");
        assertThat(duration.getHistogramData().getPoints()).singleElement().satisfies(p -> {
            assertThat(p.getCount()).isEqualTo(4);
            assertThat(p.getBoundaries()).isEqualTo(SwitchboardTracing.DURATION_BUCKETS);
            assertThat(p.getAttributes().get(SwitchboardTracing.SYSTEM)).isEqualTo("memory");
            assertThat(p.getAttributes().get(SwitchboardTracing.DESTINATION)).isEqualTo("orders");
        });
        assertThat(metric(SwitchboardTracing.SENT).getLongSumData().getPoints()).singleElement()
                .satisfies(p -> assertThat(p.getValue()).isEqualTo(4));
    }

    @Test
    void theConfigurationKeyTurnsTracingOnWithTheGlobalOpenTelemetry() {
        broker.createTopic("orders", 1);
        Producer<String> producer = Switchboard.builder(Serializers.string()).property("switchboard.binding", "memory")
                .property("memory.broker", broker.name()).property("switchboard.interceptors", "opentelemetry").build();
        opened.add(producer);
        producer.send(Message.to("orders").value("v"));

        assertThat(onlySpan().getName()).isEqualTo("send orders");
    }

    private static MetricData metric(String name) {
        return OTEL.getMetrics().stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow(() ->
                new AssertionError("no metric " + name + " in " + OTEL.getMetrics()));
    }

    private static SpanData onlySpan() {
        await().atMost(Duration.ofSeconds(5)).until(() -> !OTEL.getSpans().isEmpty());
        assertThat(OTEL.getSpans()).hasSize(1);
        return OTEL.getSpans().get(0);
    }

    private Producer<String> open(String... settings) {
        var builder = Switchboard.builder(Serializers.string()).property("switchboard.binding", "memory")
                .property("memory.broker", broker.name()).interceptor(SwitchboardTracing.of(OTEL.getOpenTelemetry()));
        for (int i = 0; i < settings.length; i += 2) {
            builder.property(settings[i], settings[i + 1]);
        }
        Producer<String> producer = builder.build();
        opened.add(producer);
        return producer;
    }
}
