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

import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.Receipt;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The core producer's own cost per send, on a backend that acknowledges every record at once and allocates
 * nothing ({@link InstantBindingProvider}): validation, serialization, buffer permits, deadline and in-flight
 * bookkeeping, the future and its completion, and nothing else. Run with {@code -prof gc}: its
 * {@code gc.alloc.rate.norm} is the bytes the core allocates per send (the message is built once, outside).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoreCostBenchmark {
    private static final byte[] VALUE = new byte[100];

    /** {@code plain}: value only; {@code keyed}: a key and two headers. */
    @Param({"plain", "keyed"})
    public String shape;

    private Producer<byte[]> producer;
    private Message<byte[]> message;

    @Setup(Level.Trial)
    public void setUp() {
        producer = Switchboard.builder(Serializers.bytes())
                .properties(Map.of("switchboard.binding", InstantBindingProvider.NAME)).build();
        message = shape.equals("keyed")
                ? Message.to("bench").key("customer-42").header("source", "bench").header("trace", "abc").value(VALUE)
                : Message.to("bench").value(VALUE);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        producer.close(Duration.ofSeconds(10));
    }

    /** {@code sendAsync}: accepted, handed over and acknowledged, the future returned done. */
    @Benchmark
    public CompletableFuture<Receipt> sendAsync() {
        return producer.sendAsync(message);
    }

    /** {@code send}: the same, and the caller waits for the receipt. */
    @Benchmark
    public Receipt send() {
        return producer.send(message);
    }
}
