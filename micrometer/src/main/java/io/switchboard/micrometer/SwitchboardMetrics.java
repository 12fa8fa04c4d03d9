package io.switchboard.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.switchboard.Destination;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.ProducerInfo;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.SendInterceptor;
import io.switchboard.SendObserver;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Micrometer metrics of Switchboard producers: register with {@code builder.interceptor(SwitchboardMetrics.of(registry))}.
 * One instance may serve several producers; every meter carries the producer's {@code binding} and
 * {@code client.id}.
 *
 * <ul>
 *   <li>{@value #SEND} (timer, seconds): from accepting a message to its outcome; tags {@code destination},
 *       {@code outcome} ({@code acknowledged} or {@code failed}) and {@code reason} ({@code none} or the failure's
 *       reason in lower case, e.g. {@code timeout});</li>
 *   <li>{@value #OUTCOMES} (counter): the same sends counted by {@code destination}, {@code outcome} and
 *       {@code reason};</li>
 *   <li>{@value #RETRIES}, {@value #DEAD_LETTERS} and {@value #BUFFER_FULL} (counters, by {@code destination}):
 *       attempts made again, copies sent to the dead-letter destination, sends refused for a full buffer;</li>
 *   <li>{@value #BUFFERED_MESSAGES} and {@value #BUFFERED_BYTES} (gauges): accepted and unfinished, with
 *       {@value #BUFFER_LIMIT_MESSAGES} and {@value #BUFFER_LIMIT_BYTES}, the buffer's bounds.</li>
 * </ul>
 *
 * <p>Destinations are a tag only for the first {@link #maxDestinations(int)} (100 by default) a producer sends to;
 * later ones count as {@value #OTHER}, so a producer that sends to a destination per customer cannot make a registry
 * grow without bound.
 */
public final class SwitchboardMetrics implements SendInterceptor {
    static final String SEND = "switchboard.send";
    static final String OUTCOMES = "switchboard.send.outcomes";
    static final String RETRIES = "switchboard.send.retries";
    static final String DEAD_LETTERS = "switchboard.send.dead.letters";
    static final String BUFFER_FULL = "switchboard.send.buffer.full";
    static final String BUFFERED_MESSAGES = "switchboard.buffer.messages";
    static final String BUFFERED_BYTES = "switchboard.buffer.bytes";
    static final String BUFFER_LIMIT_MESSAGES = "switchboard.buffer.limit.messages";
    static final String BUFFER_LIMIT_BYTES = "switchboard.buffer.limit.bytes";
    static final String OTHER = "other";
    static final int DEFAULT_MAX_DESTINATIONS = 100;

    private final MeterRegistry registry;
    private final int maxDestinations;
    private final Map<ProducerInfo, ProducerMeters> producers = new ConcurrentHashMap<>();

    private SwitchboardMetrics(MeterRegistry registry, int maxDestinations) {
        this.registry = registry;
        this.maxDestinations = maxDestinations;
    }

    /** Metrics in {@code registry}, with up to 100 destinations as tags per producer. */
    public static SwitchboardMetrics of(MeterRegistry registry) {
        if (registry == null) {
            throw new IllegalArgumentException("registry is null; pass the application's MeterRegistry");
        }
        return new SwitchboardMetrics(registry, DEFAULT_MAX_DESTINATIONS);
    }

    /** The same metrics with at most {@code cap} destinations as tags per producer (the rest are {@value #OTHER}). */
    public SwitchboardMetrics maxDestinations(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("maxDestinations must be 1 or more, was " + cap);
        }
        return new SwitchboardMetrics(registry, cap);
    }

    @Override
    public void onStart(ProducerInfo producer) {
        meters(producer);
    }

    @Override
    public void onClose(ProducerInfo producer) {
        ProducerMeters meters = producers.remove(producer);
        if (meters != null) {
            meters.gauges.forEach(registry::remove);
        }
    }

    /** Without the producer there is nothing to tag by: the producer calls the other form. */
    @Override
    public SendObserver onSend(Message<?> message) {
        return SendObserver.NONE;
    }

    @Override
    public SendObserver onSend(ProducerInfo producer, Message<?> message) {
        ProducerMeters meters = meters(producer);
        return new Observed(meters, meters.destinationTag(message.destination()), System.nanoTime());
    }

    private ProducerMeters meters(ProducerInfo producer) {
        return producers.computeIfAbsent(producer, p -> new ProducerMeters(registry, p, maxDestinations));
    }

    /** One send, from acceptance to outcome. */
    private static final class Observed implements SendObserver {
        private final ProducerMeters meters;
        private final String destination;
        private final long startNanos;

        Observed(ProducerMeters meters, String destination, long startNanos) {
            this.meters = meters;
            this.destination = destination;
            this.startNanos = startNanos;
        }

        @Override
        public void onAcknowledged(Receipt receipt) {
            meters.finished(destination, "acknowledged", "none", System.nanoTime() - startNanos);
        }

        @Override
        public void onFailed(MessagingException error) {
            meters.finished(destination, "failed", error.reason().name().toLowerCase(Locale.ROOT),
                    System.nanoTime() - startNanos);
            if (error.reason() == Reason.BUFFER_FULL) {
                meters.counter(BUFFER_FULL, destination).increment();
            }
        }

        @Override
        public void onRetry(int attempt, MessagingException cause) {
            meters.counter(RETRIES, destination).increment();
        }

        @Override
        public void onDeadLettered(Destination deadLetter) {
            meters.counter(DEAD_LETTERS, destination).increment();
        }
    }

    /** The meters of one producer: its gauges, and its timers and counters cached by their tags. */
    private static final class ProducerMeters {
        private final MeterRegistry registry;
        private final Tags producerTags;
        private final int maxDestinations;
        private final Map<String, Boolean> destinations = new ConcurrentHashMap<>();
        private final Map<List<String>, Meter> cached = new ConcurrentHashMap<>();
        private final List<Meter> gauges;

        ProducerMeters(MeterRegistry registry, ProducerInfo producer, int maxDestinations) {
            this.registry = registry;
            this.producerTags = Tags.of("binding", producer.binding(), "client.id", producer.clientId());
            this.maxDestinations = maxDestinations;
            this.gauges = List.of(
                    gauge(BUFFERED_MESSAGES, producer, ProducerInfo::bufferedMessages, "messages", "accepted and unfinished messages"),
                    gauge(BUFFERED_BYTES, producer, ProducerInfo::bufferedBytes, "bytes", "bytes of accepted and unfinished messages"),
                    gauge(BUFFER_LIMIT_MESSAGES, producer, ProducerInfo::bufferLimitMessages, "messages", "the buffer's bound in messages"),
                    gauge(BUFFER_LIMIT_BYTES, producer, ProducerInfo::bufferLimitBytes, "bytes", "the buffer's bound in bytes"));
        }

        private Gauge gauge(String name, ProducerInfo producer, ToLongFunction<ProducerInfo> value,
                            String unit, String description) {
            return Gauge.builder(name, producer, p -> value.applyAsLong(p)).tags(producerTags).baseUnit(unit)
                    .description(description).register(registry);
        }

        /** The destination's name, or {@value #OTHER} once the cap is reached. */
        String destinationTag(Destination destination) {
            String name = destination.name();
            if (destinations.containsKey(name)) {
                return name;
            }
            if (destinations.size() < maxDestinations && destinations.putIfAbsent(name, Boolean.TRUE) == null) {
                return name;
            }
            return destinations.containsKey(name) ? name : OTHER;
        }

        void finished(String destination, String outcome, String reason, long nanos) {
            Timer timer = (Timer) cached.computeIfAbsent(List.of(SEND, destination, outcome, reason), k ->
                    Timer.builder(SEND).tags(producerTags).tags("destination", destination, "outcome", outcome,
                            "reason", reason).description("from accepting a message to its outcome").register(registry));
            timer.record(nanos, TimeUnit.NANOSECONDS);
            ((Counter) cached.computeIfAbsent(List.of(OUTCOMES, destination, outcome, reason), k ->
                    Counter.builder(OUTCOMES).tags(producerTags).tags("destination", destination, "outcome", outcome,
                            "reason", reason).description("sends by outcome and reason").register(registry))).increment();
        }

        Counter counter(String name, String destination) {
            return (Counter) cached.computeIfAbsent(List.of(name, destination), k -> Counter.builder(name)
                    .tags(producerTags).tags("destination", destination).register(registry));
        }
    }
}
