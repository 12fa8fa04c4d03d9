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

import io.switchboard.Destination;
import io.switchboard.embedded.pulsar.EmbeddedPulsar;
import io.switchboard.tck.ProbedMessage;
import io.switchboard.tck.pulsar.PulsarProbe;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What this module's tests on the shared broker have in common: the broker, a native client and admin client to
 * check what reached it, fresh topic names, and producers closed after each test.
 */
abstract class BrokerTest {
    @RegisterExtension
    static final io.switchboard.embedded.pulsar.EmbeddedPulsarExtension PULSAR = TestBrokers.main();

    static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    static EmbeddedPulsar pulsar;
    static PulsarClient nativeClient;
    static PulsarAdmin admin;
    static PulsarProbe probe;
    TestProducers producers;

    @BeforeAll
    static void connect(EmbeddedPulsar broker) throws PulsarClientException {
        pulsar = broker;
        nativeClient = PulsarClient.builder().serviceUrl(broker.serviceUrl()).build();
        admin = PulsarAdmin.builder().serviceHttpUrl(broker.httpUrl()).build();
        probe = new PulsarProbe(nativeClient);
    }

    @AfterAll
    static void disconnect() {
        nativeClient.closeAsync();
        admin.close();
    }

    @BeforeEach
    void openProducers() {
        producers = new TestProducers(pulsar.serviceUrl());
    }

    @AfterEach
    void closeProducers() {
        producers.close();
    }

    /** A fresh topic name, unique in the run. */
    static String unique(String hint) {
        return hint + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }

    /** Creates a fresh non-partitioned topic; returns its short name. */
    static String topic(String hint) {
        String name = unique(hint);
        pulsar.createTopic(name);
        return name;
    }

    /** Creates a fresh partitioned topic; returns its short name. */
    static String partitioned(String hint, int partitions) {
        String name = unique(hint);
        pulsar.createPartitionedTopic(name, partitions);
        return name;
    }

    /** What a consumer reads from the topic, once at least {@code expected} are there (or the patience is out). */
    static List<ProbedMessage> read(String topic, int expected) {
        return probe.read(Destination.of(topic), expected, PATIENCE);
    }

    /** The future's value, waiting for it at most the patience. */
    static <T> T bounded(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("no outcome within " + PATIENCE + ": " + e, e);
        }
    }

    static List<String> values(List<ProbedMessage> messages) {
        return messages.stream().map(ProbedMessage::valueAsString).toList();
    }
}
