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
        return new Observed(meters(producer).of(message.destination()), System.nanoTime());
    }

    private ProducerMeters meters(ProducerInfo producer) {
        return producers.computeIfAbsent(producer, p -> new ProducerMeters(registry, p, maxDestinations));
    }

    /** One send, from acceptance to outcome. */
    private static final class Observed implements SendObserver {
        private final DestinationMeters meters;
        private final long startNanos;

        Observed(DestinationMeters meters, long startNanos) {
            this.meters = meters;
            this.startNanos = startNanos;
        }

        @Override
        public void onAcknowledged(Receipt receipt) {
            meters.acknowledged(System.nanoTime() - startNanos);
        }

        @Override
        public void onFailed(MessagingException error) {
            meters.failed(error.reason(), System.nanoTime() - startNanos);
        }

        @Override
        public void onRetry(int attempt, MessagingException cause) {
            meters.retries.increment();
        }

        @Override
        public void onDeadLettered(Destination deadLetter) {
            meters.deadLetters.increment();
        }
    }

    /**
     * The meters of one producer and destination tag, made once: an acknowledged send touches two meters and
     * allocates nothing here. Failures, rarer, find their meters by reason.
     */
    private static final class DestinationMeters {
        private final ProducerMeters producer;
        private final String destination;
        private final Timer acknowledgedTimer;
        private final Counter acknowledgedCount;
        private final Counter retries;
        private final Counter deadLetters;
        private final Counter bufferFull;
        private final Map<Reason, Timer> failedTimers = new ConcurrentHashMap<>();
        private final Map<Reason, Counter> failedCounts = new ConcurrentHashMap<>();

        DestinationMeters(ProducerMeters producer, String destination) {
            this.producer = producer;
            this.destination = destination;
            this.acknowledgedTimer = producer.timer(destination, "acknowledged", "none");
            this.acknowledgedCount = producer.outcomes(destination, "acknowledged", "none");
            this.retries = producer.counter(RETRIES, destination);
            this.deadLetters = producer.counter(DEAD_LETTERS, destination);
            this.bufferFull = producer.counter(BUFFER_FULL, destination);
        }

        void acknowledged(long nanos) {
            acknowledgedTimer.record(nanos, TimeUnit.NANOSECONDS);
            acknowledgedCount.increment();
        }

        void failed(Reason reason, long nanos) {
            String tag = reason.name().toLowerCase(Locale.ROOT);
            failedTimers.computeIfAbsent(reason, r -> producer.timer(destination, "failed", tag))
                    .record(nanos, TimeUnit.NANOSECONDS);
            failedCounts.computeIfAbsent(reason, r -> producer.outcomes(destination, "failed", tag)).increment();
            if (reason == Reason.BUFFER_FULL) {
                bufferFull.increment();
            }
        }
    }

    /** The meters of one producer: its gauges, and its timers and counters cached by their tags. */
    private static final class ProducerMeters {
        private final MeterRegistry registry;
        private final Tags producerTags;
        private final int maxDestinations;
        /** The destinations given a tag of their own, at most {@code maxDestinations}. */
        private final Map<String, Boolean> destinations = new ConcurrentHashMap<>();
        private final Map<String, DestinationMeters> byDestination = new ConcurrentHashMap<>();
        private final Map<String, DestinationMeters> byTag = new ConcurrentHashMap<>();
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

        /** The meters of a destination, or of {@value #OTHER} once the cap is reached. */
        DestinationMeters of(Destination destination) {
            String name = destination.name();
            DestinationMeters known = byDestination.get(name);
            if (known != null) {
                return known;
            }
            String tag = destinations.size() < maxDestinations && destinations.putIfAbsent(name, Boolean.TRUE) == null
                    || destinations.containsKey(name) ? name : OTHER;
            DestinationMeters meters = byTag.computeIfAbsent(tag, t -> new DestinationMeters(this, t));
            if (!tag.equals(OTHER)) {
                byDestination.put(name, meters);
            }
            return meters;
        }

        Timer timer(String destination, String outcome, String reason) {
            return Timer.builder(SEND).tags(producerTags).tags("destination", destination, "outcome", outcome,
                    "reason", reason).description("from accepting a message to its outcome").register(registry);
        }

        Counter outcomes(String destination, String outcome, String reason) {
            return Counter.builder(OUTCOMES).tags(producerTags).tags("destination", destination, "outcome", outcome,
                    "reason", reason).description("sends by outcome and reason").register(registry);
        }

        Counter counter(String name, String destination) {
            return Counter.builder(name).tags(producerTags).tags("destination", destination).register(registry);
        }
    }
}
