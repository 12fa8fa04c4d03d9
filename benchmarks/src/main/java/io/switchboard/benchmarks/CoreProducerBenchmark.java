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
import io.switchboard.memory.MemoryBroker;
import io.switchboard.memory.MemoryBindingProvider;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;
import io.switchboard.ProducerSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
 * The core producer's own cost per send: the same memory backend driven through the full {@link Producer}
 * (validation, serialization, permits, deadlines, in-flight tracking) and directly through the SPI. The ratio of
 * the two is what Switchboard adds. Run with {@code -prof gc} for bytes allocated per send.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoreProducerBenchmark {
    private static final int BATCH = 1000;
    private static final byte[] VALUE = new byte[100];

    private Producer<byte[]> producer;
    private ProducerBackend backend;
    private Message<byte[]> message;
    private OutboundRecord record;

    @Setup(Level.Trial)
    public void setUp() {
        MemoryBroker.named("bench").createTopic("bench", 4);
        Map<String, String> settings = Map.of("switchboard.binding", "memory", "memory.broker", "bench",
                "switchboard.content-type-header", "false");
        producer = Switchboard.builder(Serializers.bytes()).properties(settings).build();
        backend = new MemoryBindingProvider().createProducer(new BindingConfig(ProducerSettings.defaults(), "memory",
                Map.of("broker", "bench"), Map.of()));
        message = Message.to("bench").key("customer-42").header("source", "bench").value(VALUE);
        record = OutboundRecord.of(message.destination(), message.key(), VALUE, message.headers(), null, -1, null, null,
                null, Long.MAX_VALUE);
    }

    @Setup(Level.Iteration)
    public void emptyBroker() {
        MemoryBroker.named("bench").reset();
        MemoryBroker.named("bench").createTopic("bench", 4);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        producer.close(Duration.ofSeconds(10));
        backend.close(Duration.ofSeconds(10));
    }

    /** A send through Switchboard's producer, waiting for the receipt. */
    @Benchmark
    public Receipt switchboardProducer() {
        return producer.sendAsync(message).join();
    }

    /** The same send straight to the memory backend, without the core producer. */
    @Benchmark
    public Receipt backendDirectly() {
        return backend.send(record).join();
    }

    /** Sends in a pipeline, as applications do: {@value #BATCH} sends, then wait for the last one. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Receipt switchboardPipelined() {
        CompletableFuture<Receipt> last = null;
        for (int i = 0; i < BATCH; i++) {
            last = producer.sendAsync(message);
        }
        return last.join();
    }

    /** The same pipeline straight to the memory backend. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Receipt backendPipelined() {
        CompletableFuture<Receipt> last = null;
        for (int i = 0; i < BATCH; i++) {
            last = backend.send(record);
        }
        return last.join();
    }
}
