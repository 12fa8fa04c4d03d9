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
package io.switchboard.tck;

import io.switchboard.Capability;
import io.switchboard.Destination;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a binding maintainer supplies to run the {@link BindingCompatibilityKit}: how to configure a producer,
 * how to create destinations, how to read what reached the broker with the broker's own client, and, where
 * possible, how to stop and start the broker. One fixture serves the whole kit; every case creates its own
 * destinations, so one shared broker is enough.
 */
public interface BindingFixture {

    /**
     * The configuration of a producer connected to the test broker: at least {@code switchboard.binding} and the
     * binding's connection keys. The kit adds its own {@code switchboard.*} keys per case on top.
     */
    Map<String, String> producerProperties();

    /** Objects given in code to the producer builder (e.g. a JMS ConnectionFactory); empty by default. */
    default Map<Class<?>, Object> producerResources() {
        return Map.of();
    }

    /** The capabilities the binding claims; the kit checks each one claimed works and each one not fails. */
    Set<Capability> capabilities();

    /**
     * Creates a destination the probe can read, with {@code partitions} partitions where the binding has
     * partitions (ignored otherwise), and returns it as producers should address it.
     */
    Destination createDestination(String name, int partitions);

    /**
     * Creates a queue, for bindings that claim {@link Capability#QUEUES}.
     *
     * @throws UnsupportedOperationException when the binding has no queues
     */
    default Destination createQueue(String name) {
        throw new UnsupportedOperationException("this binding has no queues");
    }

    /** Reads destinations with the broker's own client. */
    NativeProbe probe();

    /**
     * Where the broker's own producer, with its default settings, puts keyed messages, for the case that proves
     * a binding picks the partition the native client would; empty when the fixture cannot tell (the case is then
     * skipped and says why). Implement it with the native client itself, never with a copy of its hash.
     */
    default Optional<NativePartitioner> nativePartitioner() {
        return Optional.empty();
    }

    /**
     * A producer configuration that holds secrets (passwords, tokens, JAAS configuration), for the cases that
     * require no secret to appear in anything a user can see; empty when the binding takes no secret.
     */
    default Optional<SecretSettings> secretSettings() {
        return Optional.empty();
    }

    /** Stops and starts the broker, for the outage cases; empty when the fixture cannot. */
    default Optional<BrokerControl> brokerControl() {
        return Optional.empty();
    }

    /**
     * In a cluster: stops the node that leads what the kit sends to last (its destinations' partitions), so that
     * another node takes over, and starts it again. The reliability cases play it when present. Both calls are
     * bounded; empty for a single broker.
     */
    default Optional<BrokerControl> leaderControl() {
        return Optional.empty();
    }

    /**
     * A faulty network link to the broker, new for each call, for the reliability cases: the proxy sits where the
     * binding's client meets the network (the broker URL through it, a SOCKS5 proxy, an advertised address). The
     * case closes it. Empty: those cases play only what {@link #brokerControl()} can (or are skipped).
     *
     * @return the link, or empty if the fixture cannot put one between the client and the broker
     */
    default Optional<FaultyLink> faultyLink() {
        return Optional.empty();
    }
}
