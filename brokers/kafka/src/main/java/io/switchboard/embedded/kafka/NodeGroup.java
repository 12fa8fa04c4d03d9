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
package io.switchboard.embedded.kafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes of one Kafka cluster, one or more, and the temporary directory that holds their data.
 * {@link EmbeddedKafka} is a group of one, {@link EmbeddedKafkaCluster} a group of three by default.
 *
 * <p>Ports and the directory are taken at the first start and kept until {@link #close()}, so stopped
 * nodes come back on the same addresses and data. Lifecycle calls are serialized; queries are not,
 * so a test can ask {@link #isRunning(int)} while another thread starts a node.
 */
final class NodeGroup implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeGroup.class);

    private final BrokerOptions options;
    private final int size;
    private volatile List<KafkaNode> nodes;
    private volatile Path directory;
    private boolean closed;

    NodeGroup(BrokerOptions options, int size) {
        this.options = options;
        this.size = size;
    }

    int size() {
        return size;
    }

    /** Creates a topic and waits until every partition's leader serves requests. */
    void createTopic(String name, int partitions, int replicationFactor) {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        try (BrokerAdmin admin = BrokerAdmin.connect(bootstrapServers(), options.timeout)) {
            admin.createTopic(name, partitions, replicationFactor);
        }
    }

    void denyTopicAccess(String user, String topic) {
        if (!options.aclAuthorization) {
            throw new IllegalStateException("ACLs are off: turn them on with builder().aclAuthorization(true)");
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(topic, "topic");
        try (BrokerAdmin admin = BrokerAdmin.connect(bootstrapServers(), options.timeout)) {
            admin.denyTopicAccess(user, topic);
        }
    }

    void awaitReplicasInSync() {
        if (!allRunning()) {
            throw new IllegalStateException("Some nodes are stopped, so their replicas cannot catch up: start them first");
        }
        try (BrokerAdmin admin = BrokerAdmin.connect(bootstrapServers(), options.timeout)) {
            admin.awaitReplicasInSync();
        }
    }

    /** Starts every stopped node at once and returns when all of them serve clients. */
    synchronized void startAll() {
        startNodes(created().stream().filter(node -> !node.isRunning()).collect(Collectors.toList()));
    }

    /** Stops every running node at once (controlled shutdown); data and ports are kept. */
    synchronized void stopAll() {
        if (nodes != null) {
            List<KafkaNode> running = nodes.stream().filter(KafkaNode::isRunning).collect(Collectors.toList());
            try {
                if (running.size() > 1) {
                    // every broker first, while all controllers still run to approve its controlled shutdown
                    Parallel.forEach(running, "stop-broker", KafkaNode::stopBrokerPart, options.timeout);
                }
            } finally {
                // whatever happened to the brokers, the nodes stop, so nothing runs on the directory close deletes
                stopNodes(running);
            }
        }
    }

    synchronized void start(int nodeId) {
        KafkaNode node = created().get(checkedId(nodeId));
        if (!node.isRunning()) {
            startNodes(List.of(node));
        }
    }

    synchronized void stop(int nodeId) {
        checkedId(nodeId);
        if (nodes != null && nodes.get(nodeId).isRunning()) {
            stopNodes(List.of(nodes.get(nodeId)));
        }
    }

    boolean isRunning(int nodeId) {
        checkedId(nodeId);
        List<KafkaNode> current = nodes;
        return current != null && current.get(nodeId).isRunning();
    }

    boolean allRunning() {
        List<KafkaNode> current = nodes;
        return current != null && current.stream().allMatch(KafkaNode::isRunning);
    }

    /** Every node's PLAINTEXT address, running or not, so clients find whichever nodes are up. */
    String bootstrapServers() {
        return endpoints(NodeAddress::clientEndpoint);
    }

    String saslBootstrapServers() {
        if (!options.saslEnabled()) {
            throw new IllegalStateException("SASL is off: enable it with builder().saslPlain(users)");
        }
        return endpoints(NodeAddress::saslEndpoint);
    }

    int proxiedListenerPort() {
        if (!options.proxied()) {
            throw new IllegalStateException("no listener behind a proxy: add one with builder().advertisedThrough(port)");
        }
        List<KafkaNode> current = nodes;
        if (current == null) {
            throw new IllegalStateException("Not started yet: ports are chosen by the first start()");
        }
        return current.get(0).address().proxiedPort();
    }

    String tlsBootstrapServers() {
        if (!options.tlsEnabled()) {
            throw new IllegalStateException("TLS is off: enable it with builder().tls(keyStore, password)");
        }
        return endpoints(NodeAddress::tlsEndpoint);
    }

    String saslTlsBootstrapServers() {
        if (!options.tlsEnabled() || !options.saslEnabled()) {
            throw new IllegalStateException("SASL_SSL needs both builder().saslPlain(users) and builder().tls(keyStore,"
                    + " password)");
        }
        return endpoints(NodeAddress::saslTlsEndpoint);
    }

    /** The directory holding every node's data; deleted by {@link #close()}. */
    Path directory() {
        Path current = directory;
        if (current == null) {
            throw new IllegalStateException("No data directory yet: it is created by the first start()");
        }
        return current;
    }

    /** Stops every node, then deletes the data directory. Idempotent; the group cannot start again. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopAll();
        } finally {
            if (directory != null) {
                DataDirectory.delete(directory);
            }
        }
    }

    private void startNodes(List<KafkaNode> starting) {
        long startNanos = System.nanoTime();
        Parallel.forEach(starting, "start", KafkaNode::start, options.timeout);
        LOG.info("Started {} in {} ms", starting, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private void stopNodes(List<KafkaNode> stopping) {
        long startNanos = System.nanoTime();
        Parallel.forEach(stopping, "stop", KafkaNode::stop, options.timeout);
        LOG.info("Stopped {} in {} ms", stopping, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private String endpoints(Function<NodeAddress, String> endpoint) {
        List<KafkaNode> current = nodes;
        if (current == null) {
            throw new IllegalStateException("Not started yet: ports are chosen by the first start()");
        }
        return current.stream().map(node -> endpoint.apply(node.address())).collect(Collectors.joining(","));
    }

    private int checkedId(int nodeId) {
        if (nodeId < 0 || nodeId >= size) {
            throw new IllegalArgumentException("No node " + nodeId + ": nodes are numbered 0 to " + (size - 1));
        }
        return nodeId;
    }

    /** The nodes, created on first use: a directory, ports and configuration that last until close. */
    private List<KafkaNode> created() {
        if (closed) {
            throw new IllegalStateException("Closed: its data is deleted, build a new one");
        }
        if (nodes == null) {
            Path root = DataDirectory.create(options.dataParent);
            try {
                nodes = createNodes(root);
            } catch (RuntimeException e) {
                DataDirectory.delete(root);
                throw e;
            }
            directory = root;
        }
        return nodes;
    }

    private List<KafkaNode> createNodes(Path root) {
        boolean sasl = options.saslEnabled();
        boolean tls = options.tlsEnabled();
        boolean proxied = options.proxied();
        int portsPerNode = 2 + (sasl ? 1 : 0) + (tls ? 1 : 0) + (sasl && tls ? 1 : 0) + (proxied ? 1 : 0);
        int[] ports = FreePorts.take(size * portsPerNode);
        List<NodeAddress> addresses = new ArrayList<>(size);
        for (int id = 0; id < size; id++) {
            int next = id * portsPerNode;
            int client = ports[next++];
            int controller = ports[next++];
            int saslPort = sasl ? ports[next++] : -1;
            int tlsPort = tls ? ports[next++] : -1;
            int saslTlsPort = sasl && tls ? ports[next++] : -1;
            int proxiedPort = proxied ? ports[next] : -1;
            addresses.add(new NodeAddress(id, client, controller, saslPort, tlsPort, saslTlsPort, proxiedPort,
                    options.proxyPort));
        }
        String clusterId = Uuid.randomUuid().toString();
        List<KafkaNode> created = new ArrayList<>(size);
        for (NodeAddress address : addresses) {
            Path logDirectory = root.resolve("node-" + address.nodeId());
            created.add(new KafkaNode(address, logDirectory, clusterId,
                    ServerProperties.forNode(options, address, addresses, logDirectory)));
        }
        return List.copyOf(created);
    }
}
