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
package io.switchboard.pulsar;

import io.switchboard.MessagingException;
import io.switchboard.Reason;
import org.apache.pulsar.client.api.ProducerBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Opens native producers and looks up partitions, off the sender's thread. Pulsar's asynchronous calls for these
 * still do work on the calling thread (the first one loads classes and sets up the connection: a few hundred
 * milliseconds), so they run on one thread of their own. A destination Pulsar routes gets a producer on the topic;
 * a partition the Switchboard producer chose gets a producer on that partition's topic
 * ({@code orders-partition-2}), which is where a native partitioned producer would have written it.
 */
final class ProducerOpener implements TopicProducer.Opener {
    /** When a TLS producer that has not opened yet is probed, at the latest. */
    private static final Duration PROBE_AFTER = Duration.ofSeconds(1);
    /** How long one probe's connection and handshake may take: a loaded machine can be slow, a refusal is not. */
    private static final Duration PROBE_BOUND = Duration.ofSeconds(3);
    /** How many probes an open gets while it is pending: one slow handshake must not hide a refusal. */
    private static final int PROBES = 3;
    private final NativeClient pulsar;
    private final PulsarFailures failures;
    /** A user's producer name is taken on each partition by the partitioned topic's own producer. */
    private final String directProducerName;
    private final ConcurrentHashMap<String, List<String>> partitionNames = new ConcurrentHashMap<>();
    private final ExecutorService thread;
    /** Asks the TLS layer why an open takes long, when the client uses TLS; else null. */
    private final TlsProbe tlsProbe;
    private final Duration probeAfter;
    private final Executor probeThread;

    ProducerOpener(NativeClient pulsar, PulsarConfiguration configuration, PulsarFailures failures) {
        this.pulsar = pulsar;
        this.failures = failures;
        Object userName = configuration.producer().get("producerName");
        this.directProducerName = userName == null ? null : userName + "-direct";
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "switchboard-pulsar-open-" + configuration.settings().clientId());
            t.setDaemon(true);
            return t;
        });
        this.tlsProbe = TlsProbe.of(configuration.client()).orElse(null);
        // soon enough to fail the waiting records long before their deadline, late enough that a healthy open is done
        Duration quarter = configuration.settings().deliveryTimeout().dividedBy(4);
        this.probeAfter = quarter.compareTo(PROBE_AFTER) < 0 ? quarter : PROBE_AFTER;
        this.probeThread = tlsProbe == null ? null : task -> {
            Thread t = new Thread(task, "switchboard-pulsar-tls-probe-" + configuration.settings().clientId());
            t.setDaemon(true);
            t.start();
        };
    }

    @Override
    public CompletableFuture<TopicProducer.Opened> open(Target target) {
        CompletableFuture<TopicProducer.Opened> opened = offCaller(() -> openNow(target));
        if (tlsProbe != null) {
            opened = failingOnRefusedCertificate(target, opened);
        }
        DeduplicationCheck deduplication = pulsar.deduplication();
        if (deduplication == null) {
            return opened;
        }
        // checked once the producer is open, so that the topic exists (a broker may create it on first use)
        return opened.thenCompose(ready -> deduplication.require(target.topic()).handle((ok, error) -> {
            if (error != null) {
                ready.producer().closeAsync();
                throw error instanceof CompletionException c ? c : new CompletionException(error);
            }
            return ready;
        }));
    }

    /** A topic's partition topics, as Pulsar lists them (a non-partitioned topic lists itself). Never blocks. */
    CompletableFuture<List<String>> partitionsOf(String topic) {
        List<String> known = partitionNames.get(topic);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return offCaller(() -> pulsar.client().getPartitionsForTopic(topic, true)).handle((names, error) -> {
            if (error != null) {
                throw failures.partitions(topic, error);
            }
            partitionNames.putIfAbsent(topic, List.copyOf(names));
            return names;
        });
    }

    /** Stops the opening thread; later opens fail {@link Reason#CLOSED}. */
    void shutdown() {
        thread.shutdownNow();
    }

    private CompletableFuture<TopicProducer.Opened> openNow(Target target) {
        if (target.routedByPulsar()) {
            return pulsar.template().clone().topic(target.topic()).createAsync()
                    .thenApply(p -> new TopicProducer.Opened(p, p.getNumOfPartitions() > 0));
        }
        return partitionsOf(target.topic()).thenCompose(names -> {
            if (target.partition() >= names.size()) {
                throw new MessagingException(Reason.INVALID_ARGUMENT, "partition " + target.partition() + " of "
                        + target.topic() + " does not exist; it has " + names.size() + " partition(s)");
            }
            boolean partitioned = names.size() > 1 || !names.get(0).equals(target.topic());
            ProducerBuilder<byte[]> builder = pulsar.template().clone().topic(names.get(target.partition()));
            if (directProducerName != null) {
                builder.producerName(directProducerName);
            }
            return builder.createAsync().thenApply(p -> new TopicProducer.Opened(p, partitioned));
        });
    }

    /**
     * The open, failed {@link Reason#UNAVAILABLE} as soon as a probe finds that the TLS layer refuses the broker's
     * certificate: Pulsar would only retry until its operation timeout, and every record waiting for this producer
     * would fail TIMEOUT without saying why. A producer that opens after all is closed again.
     */
    private CompletableFuture<TopicProducer.Opened> failingOnRefusedCertificate(Target target,
            CompletableFuture<TopicProducer.Opened> opening) {
        CompletableFuture<TopicProducer.Opened> result = new CompletableFuture<>();
        opening.whenComplete((ready, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else if (!result.complete(ready)) {
                ready.producer().closeAsync();
            }
        });
        probeLater(target, result, PROBES);
        return result;
    }

    /** Probes after {@link #probeAfter} if the open is still pending, and again until a probe saw a handshake. */
    private void probeLater(Target target, CompletableFuture<TopicProducer.Opened> result, int probesLeft) {
        // the delay runs on the JDK's shared scheduler; a thread of its own only for a handshake that is needed
        CompletableFuture.delayedExecutor(probeAfter.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (!result.isDone()) {
                probeThread.execute(() -> {
                    Optional<String> refused = tlsProbe.refusal(PROBE_BOUND);
                    if (refused.isPresent()) {
                        result.completeExceptionally(failures.tlsRefused(target, tlsProbe, refused.get()));
                    } else if (probesLeft > 1) {
                        probeLater(target, result, probesLeft - 1);
                    }
                });
            }
        });
    }

    /** Runs a call that returns a future on the opening thread; never throws. */
    private <T> CompletableFuture<T> offCaller(Supplier<CompletableFuture<T>> call) {
        try {
            return CompletableFuture.supplyAsync(call, thread).thenCompose(Function.identity());
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new MessagingException(Reason.CLOSED, "the Pulsar producer is closed"));
        }
    }
}
