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
package io.switchboard.kafka;

import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerBuilder;
import io.switchboard.ProducerSettings;
import io.switchboard.Receipt;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Switchboard producers on the test broker, and the small waits tests share. */
final class Producers {
    /** Settings every test producer starts from; a test's own settings override them. */
    static final Map<String, String> BASE = Map.of(
            ProducerSettings.BINDING, "kafka",
            ProducerSettings.DELIVERY_TIMEOUT, "10s",
            ProducerSettings.CLOSE_TIMEOUT, "5s");

    /**
     * How long one {@code sendAsync} call may take. It only queues the record, so it returns in microseconds; but
     * on a loaded 2-core CI machine (brokers in the same JVM, other builds beside it) a thread may wait for a core,
     * a GC pause or the JIT. What the checks rule out is a call that blocks for Kafka's metadata
     * ({@code max.block.ms}, half the delivery timeout: 4.5 s and more in these tests) or for room in the buffer
     * ({@link ProducerSettings#MAX_BLOCK}, {@link #NO_QUICK_MAX_BLOCK} where it matters): both far beyond this.
     */
    static final Duration SEND_ASYNC_BOUND = Duration.ofSeconds(2);

    /**
     * A {@link ProducerSettings#MAX_BLOCK} for tests that prove {@code sendAsync} does not block: so long that a
     * call waiting for room in the buffer could never pass as a slow one under {@link #SEND_ASYNC_BOUND}.
     */
    static final String NO_QUICK_MAX_BLOCK = "20s";

    /** The least lateness allowed to a bounded call (flush, close) on a loaded machine; see {@link #late}. */
    static final Duration MIN_LATENESS = Duration.ofSeconds(2);

    private Producers() {
    }

    /**
     * The longest a call bounded by {@code bound} may take on a loaded CI machine: the bound plus as much again,
     * and at least {@link #MIN_LATENESS} more. A thread that should wake at its bound may wait for a core, a GC
     * pause or the JIT first, for hundreds of milliseconds on a busy 2-core machine. What these checks rule out
     * (waiting for a linger, the delivery timeout or {@code max.block.ms}: 10 s and more in those tests) is still
     * far longer.
     */
    static Duration late(Duration bound) {
        return bound.plus(bound.compareTo(MIN_LATENESS) > 0 ? bound : MIN_LATENESS);
    }

    /** A producer-level metric of the native producer (group {@code producer-metrics}). */
    static double metric(Producer<?> producer, String name) {
        KafkaProducer<?, ?> kafka = producer.unwrap(KafkaProducer.class);
        for (Map.Entry<MetricName, ? extends Metric> entry : kafka.metrics().entrySet()) {
            if (entry.getKey().name().equals(name) && entry.getKey().group().equals("producer-metrics")) {
                return ((Number) entry.getValue().metricValue()).doubleValue();
            }
        }
        throw new AssertionError("no metric " + name);
    }

    /** A builder for the test broker's PLAINTEXT listener, with {@code settings} on top. */
    static ProducerBuilder<String> builder(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(BASE);
        all.put("kafka.bootstrap.servers", TestBroker.get().bootstrapServers());
        all.putAll(settings);
        return Switchboard.builder(Serializers.string()).properties(all);
    }

    /** A string producer on the test broker, with {@code keyValues} as settings (key, value, key, value...). */
    static Producer<String> open(String... keyValues) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return builder(settings).build();
    }

    /**
     * The configuration Kafka's producer really runs with, after its own defaults and adjustments, read from
     * the {@code KafkaProducer} instance. Kafka has no public getter, hence reflection (test code only): reading
     * what was asked for would miss a client that silently drops a setting, as KAFKA-13598 once did.
     */
    static ProducerConfig effectiveConfig(Producer<?> producer) throws ReflectiveOperationException {
        KafkaProducer<?, ?> kafka = producer.unwrap(KafkaProducer.class);
        Field field = KafkaProducer.class.getDeclaredField("producerConfig");
        field.setAccessible(true);
        return (ProducerConfig) field.get(kafka);
    }

    /** The failure a send ended with, waiting at most {@code bound}. */
    static MessagingException failure(CompletableFuture<Receipt> future, Duration bound) throws Exception {
        try {
            Receipt receipt = future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected the send to fail, but it was acknowledged: " + receipt);
        } catch (ExecutionException | CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(MessagingException.class);
            return (MessagingException) e.getCause();
        }
    }

    /** The failure of a send that has finished, or null if it was acknowledged. */
    static MessagingException failureOf(CompletableFuture<Receipt> done) {
        assertThat(done).isDone();
        try {
            done.join();
            return null;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(MessagingException.class);
            return (MessagingException) e.getCause();
        }
    }

    /** Duration since {@code startNanos}. */
    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
