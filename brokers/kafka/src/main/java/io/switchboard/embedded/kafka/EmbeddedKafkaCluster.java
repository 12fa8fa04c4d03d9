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
import java.time.Duration;
import java.util.Map;

/**
 * A real Kafka cluster of several KRaft nodes (three by default) inside this JVM, each a combined
 * broker and controller, for tests of replication and failover.
 *
 * <p>Topics are replicated to three nodes with {@code min.insync.replicas=2}, so with {@code acks=all}
 * an acknowledged record survives the loss of any one node. Nodes are numbered from 0; the number is
 * also the Kafka {@code node.id}.
 *
 * <pre>{@code
 * try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.builder().build().start()) {
 *     cluster.createTopic("payments", 3);
 *     // ... produce with acks=all to cluster.bootstrapServers()
 *     cluster.stopNode(1);            // clients fail over to the other two
 *     cluster.startNode(1);           // same data and ports
 *     cluster.awaitReplicasInSync();  // the node is back in every ISR
 * }
 * }</pre>
 *
 * <p>The whole cluster starts and stops in parallel: KRaft nodes wait for a controller quorum, so
 * starting or stopping them one by one can block for minutes. Nodes notice a stopped peer within
 * about three seconds ({@code broker.session.timeout.ms=3000}, heartbeats every 500 ms), which is also
 * how long a restarted node waits before its new registration is accepted. Every wait is bounded by
 * the builder's timeout.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    private final NodeGroup nodes;

    private EmbeddedKafkaCluster(BrokerOptions options, int size) {
        this.nodes = new NodeGroup(options, size);
    }

    /**
     * Starts describing a cluster; {@code builder().build()} gives three nodes.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts every stopped node, all at once, and returns when each serves clients. The first start
     * picks ports and formats a temporary directory.
     *
     * @return this cluster, for {@code builder().build().start()}
     * @throws IllegalStateException  after {@link #close()}
     * @throws EmbeddedKafkaException if a node does not come up within the timeout
     */
    public EmbeddedKafkaCluster start() {
        nodes.startAll();
        return this;
    }

    /**
     * Stops every running node at once (controlled shutdown), keeping data and ports.
     *
     * @throws EmbeddedKafkaException if a node does not stop within the timeout
     */
    public void stop() {
        nodes.stopAll();
    }

    /**
     * Stops one node with a controlled shutdown: leadership of its partitions moves to the others
     * first. Its data and ports are kept for {@link #startNode(int)}. Does nothing if it is stopped.
     *
     * @param nodeId from 0 to {@link #nodeCount()} - 1
     * @throws EmbeddedKafkaException if the node does not stop within the timeout
     */
    public void stopNode(int nodeId) {
        nodes.stop(nodeId);
    }

    /**
     * Starts one node again on its data and ports and returns once it serves clients (about three
     * seconds: the cluster first lets the node's previous registration expire). Its replicas then
     * catch up in the background: see {@link #awaitReplicasInSync()}.
     *
     * @param nodeId from 0 to {@link #nodeCount()} - 1
     * @throws EmbeddedKafkaException if the node does not come up within the timeout
     */
    public void startNode(int nodeId) {
        nodes.start(nodeId);
    }

    /**
     * Whether one node is up.
     *
     * @param nodeId from 0 to {@link #nodeCount()} - 1
     * @return {@code true} if that node is started and not stopped since
     */
    public boolean isNodeRunning(int nodeId) {
        return nodes.isRunning(nodeId);
    }

    /**
     * How many nodes the cluster has, running or not.
     *
     * @return the number given to {@link Builder#nodes(int)}
     */
    public int nodeCount() {
        return nodes.size();
    }

    /**
     * Every node's PLAINTEXT address for {@code bootstrap.servers}: a client finds the cluster through
     * whichever nodes are up. Stays the same across restarts.
     *
     * @return {@code 127.0.0.1:port} per node, comma-separated
     * @throws IllegalStateException before the first start
     */
    public String bootstrapServers() {
        return nodes.bootstrapServers();
    }

    /**
     * Client settings for the cluster; add serializers and the rest as usual.
     *
     * @return an immutable map holding {@code bootstrap.servers}
     * @throws IllegalStateException before the first start
     */
    public Map<String, Object> clientProperties() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }

    /**
     * Creates a topic replicated to three nodes (every node, in a smaller cluster) and returns once
     * every partition's leader serves requests.
     *
     * @param name       the topic name
     * @param partitions how many partitions, at least 1
     * @throws EmbeddedKafkaException if it exists already, Kafka refuses it, or the timeout runs out
     */
    public void createTopic(String name, int partitions) {
        nodes.createTopic(name, partitions, Math.min(3, nodes.size()));
    }

    /**
     * Waits until every replica of every partition, internal topics included, is in sync; use after
     * {@link #startNode(int)} when a test needs full redundancy again.
     *
     * @throws IllegalStateException  if a node is stopped
     * @throws EmbeddedKafkaException if the timeout runs out first
     */
    public void awaitReplicasInSync() {
        nodes.awaitReplicasInSync();
    }

    /**
     * The directory holding every node's data, one {@code node-<id>} directory each; {@link #close()}
     * deletes it.
     *
     * @return the directory
     * @throws IllegalStateException before the first start
     */
    public Path dataDirectory() {
        return nodes.directory();
    }

    /**
     * Stops every node and deletes the data directory. Idempotent; the cluster cannot start again.
     * Takes about five seconds: the last Raft leader waits that long for a successor before it stops.
     *
     * @throws EmbeddedKafkaException if a node did not stop in time (the directory is deleted anyway)
     */
    @Override
    public void close() {
        nodes.close();
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaCluster[" + nodes.size() + " nodes" + (nodes.allRunning() ? ", all running" : "") + "]";
    }

    /**
     * Describes a cluster before it starts. Not thread-safe; {@link #build()} copies the options.
     */
    public static final class Builder {

        private final BrokerOptions options = new BrokerOptions();
        private int nodes = 3;

        private Builder() {
        }

        /**
         * How many nodes, each a broker and a controller voter. Odd numbers make sense: a KRaft quorum
         * needs a majority of its voters up.
         *
         * @param count at least 1; default 3
         * @return this builder
         */
        public Builder nodes(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("a cluster needs at least one node, was " + count);
            }
            this.nodes = count;
            return this;
        }

        /**
         * Sets any Kafka broker property on every node. Applied last, so it overrides the defaults.
         *
         * @param name  the property name
         * @param value its value, as Kafka would read it from a properties file
         * @return this builder
         */
        public Builder brokerProperty(String name, String value) {
            options.brokerProperty(name, value);
            return this;
        }

        /**
         * Whether producing to, or fetching metadata of, an unknown topic creates it.
         *
         * @param enabled default {@code true}, as in Kafka
         * @return this builder
         */
        public Builder autoCreateTopics(boolean enabled) {
            options.autoCreateTopics = enabled;
            return this;
        }

        /**
         * Where the broker's data directory (its log and metadata) is created, deleted again by {@code close()}.
         * A directory in memory, such as {@code /dev/shm}, spares a test or a benchmark that writes much the
         * disk's write-back.
         *
         * @param parent an existing directory; default: the system's temporary directory ({@code java.io.tmpdir})
         * @return this builder
         * @throws IllegalArgumentException if {@code parent} is not a directory
         */
        public Builder dataDirectoryIn(Path parent) {
            options.dataDirectoryIn(parent);
            return this;
        }

        /**
         * Bounds every wait: start, stop, topic creation, replicas catching up.
         *
         * @param timeout positive; default 60 seconds
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            options.timeout(timeout);
            return this;
        }

        /**
         * Builds the cluster without starting it: call {@link EmbeddedKafkaCluster#start()}.
         *
         * @return a cluster with these options
         */
        public EmbeddedKafkaCluster build() {
            return new EmbeddedKafkaCluster(options.copy(), nodes);
        }
    }
}
