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

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.switchboard.Headers;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.ProducerInfo;
import io.switchboard.Receipt;
import io.switchboard.SendInterceptor;
import io.switchboard.SendObserver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenTelemetry for Switchboard producers, following the messaging semantic conventions: register with
 * {@code builder.interceptor(SwitchboardTracing.of(openTelemetry))}. Per send:
 *
 * <ul>
 *   <li>a {@code PRODUCER} span {@code send <destination>}, a child of the current context, with
 *       {@code messaging.system} (the binding: {@code kafka}, {@code pulsar}, {@code jms}, {@code memory}),
 *       {@code messaging.operation.type} and {@code messaging.operation.name} ({@code send}),
 *       {@code messaging.destination.name}, {@code messaging.client.id}, and from the receipt
 *       {@code messaging.destination.partition.id} and {@code messaging.message.id}; on failure {@code error.type}
 *       (the {@code Reason}) and status ERROR;</li>
 *   <li>the span's context in the message headers, written by the configured propagators ({@code traceparent},
 *       {@code tracestate}, and {@code baggage} when a baggage propagator is configured), so a plain consumer of any
 *       broker continues the trace;</li>
 *   <li>the metrics {@value #DURATION} (histogram, seconds, the conventions' buckets) and {@value #SENT}
 *       (counter), with {@code messaging.system}, {@code messaging.operation.name},
 *       {@code messaging.destination.name} and, on failure, {@code error.type}.</li>
 * </ul>
 *
 * <p>A header the application set itself under one of those names is kept as it set it.
 */
public final class SwitchboardTracing implements SendInterceptor {
    static final String INSTRUMENTATION = "io.switchboard";
    static final String DURATION = "messaging.client.operation.duration";
    static final String SENT = "messaging.client.sent.messages";
    /** The messaging conventions' advice for {@value #DURATION}, in seconds. */
    static final List<Double> DURATION_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0,
            2.5, 5.0, 7.5, 10.0);

    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> CLIENT_ID = AttributeKey.stringKey("messaging.client.id");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final DoubleHistogram duration;
    private final LongCounter sent;

    private SwitchboardTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        Meter meter = openTelemetry.getMeter(INSTRUMENTATION);
        this.duration = meter.histogramBuilder(DURATION).setUnit("s")
                .setDescription("Duration of a send, from accepting the message to its outcome")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
        this.sent = meter.counterBuilder(SENT).setUnit("{message}")
                .setDescription("Messages a producer sent, acknowledged or failed").build();
    }

    /** Spans, context propagation and metrics through {@code openTelemetry} (the SDK the application set up). */
    public static SwitchboardTracing of(OpenTelemetry openTelemetry) {
        if (openTelemetry == null) {
            throw new IllegalArgumentException("openTelemetry is null; pass the application's OpenTelemetry"
                    + " (GlobalOpenTelemetry.get() if it registered one)");
        }
        return new SwitchboardTracing(openTelemetry);
    }

    /** Without the producer there is nothing to name the system by: the producer calls the other form. */
    @Override
    public SendObserver onSend(Message<?> message) {
        return SendObserver.NONE;
    }

    @Override
    public SendObserver onSend(ProducerInfo producer, Message<?> message) {
        String destination = message.destination().name();
        Span span = tracer.spanBuilder("send " + destination).setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, producer.binding()).setAttribute(OPERATION_TYPE, "send")
                .setAttribute(OPERATION_NAME, "send").setAttribute(DESTINATION, destination)
                .setAttribute(CLIENT_ID, producer.clientId()).startSpan();
        Map<String, String> context = new LinkedHashMap<>();
        propagator.inject(Context.current().with(span), context, Map::put);
        return new Traced(span, Headers.of(context), producer.binding(), destination, System.nanoTime());
    }

    /** One send's span and timing. */
    private final class Traced implements SendObserver {
        private final Span span;
        private final Headers headers;
        private final String system;
        private final String destination;
        private final long startNanos;

        Traced(Span span, Headers headers, String system, String destination, long startNanos) {
            this.span = span;
            this.headers = headers;
            this.system = system;
            this.destination = destination;
            this.startNanos = startNanos;
        }

        @Override
        public Headers headers() {
            return headers;
        }

        @Override
        public void onAcknowledged(Receipt receipt) {
            receipt.partition().ifPresent(p -> span.setAttribute(PARTITION, Integer.toString(p)));
            receipt.messageId().ifPresent(id -> span.setAttribute(MESSAGE_ID, id));
            span.end();
            record(null);
        }

        @Override
        public void onFailed(MessagingException error) {
            span.setAttribute(ERROR_TYPE, error.reason().name());
            span.setStatus(StatusCode.ERROR, error.getMessage());
            span.end();
            record(error.reason().name());
        }

        private void record(String errorType) {
            AttributesBuilder attributes = Attributes.builder().put(SYSTEM, system).put(OPERATION_NAME, "send")
                    .put(DESTINATION, destination);
            if (errorType != null) {
                attributes.put(ERROR_TYPE, errorType);
            }
            Attributes recorded = attributes.build();
            duration.record((System.nanoTime() - startNanos) / 1e9, recorded);
            sent.add(1, recorded);
        }
    }
}
