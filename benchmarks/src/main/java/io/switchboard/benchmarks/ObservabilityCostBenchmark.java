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
package io.switchboard.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.ProducerBuilder;
import io.switchboard.Receipt;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import io.switchboard.micrometer.SwitchboardMetrics;
import io.switchboard.opentelemetry.SwitchboardTracing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the observability modules cost per send, on the backend that acknowledges at once ({@link CoreCostBenchmark}'s):
 * {@code none} is the core alone; {@code micrometer} adds {@code SwitchboardMetrics} on a {@code SimpleMeterRegistry};
 * {@code opentelemetry} adds {@code SwitchboardTracing} on an SDK that samples every span (no exporter, so what is
 * measured is the instrumentation, not an export). Run with {@code -prof gc} for the bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ObservabilityCostBenchmark {
    private static final byte[] VALUE = new byte[100];

    @Param({"none", "micrometer", "opentelemetry"})
    public String observability;

    private Producer<byte[]> producer;
    private Message<byte[]> message;
    private OpenTelemetrySdk openTelemetry;

    @Setup(Level.Trial)
    public void setUp() {
        ProducerBuilder<byte[]> builder = Switchboard.builder(Serializers.bytes())
                .property("switchboard.binding", InstantBindingProvider.NAME);
        if (observability.equals("micrometer")) {
            builder.interceptor(SwitchboardMetrics.of(new SimpleMeterRegistry()));
        } else if (observability.equals("opentelemetry")) {
            openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build())
                    .setMeterProvider(SdkMeterProvider.builder().build())
                    .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
            builder.interceptor(SwitchboardTracing.of(openTelemetry));
        }
        producer = builder.build();
        message = Message.to("bench").key("customer-42").value(VALUE);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        producer.close(Duration.ofSeconds(10));
        if (openTelemetry != null) {
            openTelemetry.close();
        }
    }

    /** One send, acknowledged at once, observed by the module under test. */
    @Benchmark
    public CompletableFuture<Receipt> sendAsync() {
        return producer.sendAsync(message);
    }
}
