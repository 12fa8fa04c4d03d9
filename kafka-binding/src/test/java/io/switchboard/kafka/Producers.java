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

    private Producers() {
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
