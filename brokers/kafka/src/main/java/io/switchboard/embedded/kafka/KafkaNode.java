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

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.BrokerServer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * One combined KRaft broker and controller on a fixed directory and fixed ports. The single node
 * ({@link EmbeddedKafka}) and every node of a cluster ({@link EmbeddedKafkaCluster}) are this class.
 *
 * <p>Calls block until Kafka is done; the owner runs them under a time bound ({@link Parallel}).
 * Stopping is a controlled shutdown that keeps the data, so a later start on the same directory and
 * ports brings back every acknowledged record.
 */
final class KafkaNode {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaNode.class);

    /** Written by the formatter; its presence means the directory belongs to a node already. */
    private static final String META_PROPERTIES = "meta.properties";

    private final NodeAddress address;
    private final Path logDirectory;
    private final String clusterId;
    private final Properties properties;
    private volatile KafkaRaftServer server;

    KafkaNode(NodeAddress address, Path logDirectory, String clusterId, Properties properties) {
        this.address = address;
        this.logDirectory = logDirectory;
        this.clusterId = clusterId;
        this.properties = properties;
    }

    NodeAddress address() {
        return address;
    }

    boolean isRunning() {
        return server != null;
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        JvmExitGuard.install();
        formatOnce();
        KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException | Error e) {
            // startup() already tears down what it built on most failures; this covers the rest.
            try {
                shutDown(starting);
            } catch (RuntimeException cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
        server = starting;
    }

    /**
     * Stops only the broker part of the node (a controlled shutdown), leaving its controller running, so that a
     * group stopping every node can let all brokers finish their controlled shutdown while the controllers still
     * form a quorum that approves it. Without that order, nodes that stop whole while another broker still waits
     * for approval can leave no active controller, and that broker waits for one until its own five-minute bound.
     * Kafka's own cluster test kit closes brokers before controllers for the same reason.
     *
     * <p>{@link KafkaRaftServer} does not expose its parts, so the broker is read from its {@code broker} field;
     * where that is not possible (another Kafka version), nothing happens here and {@link #stop()} stops the node
     * whole, as before.
     */
    synchronized void stopBrokerPart() {
        KafkaRaftServer running = server;
        if (running == null) {
            return;
        }
        BrokerServer broker = brokerOf(running);
        if (broker != null) {
            broker.shutdown();
        }
    }

    private static BrokerServer brokerOf(KafkaRaftServer server) {
        try {
            Field field = KafkaRaftServer.class.getDeclaredField("broker");
            field.setAccessible(true);
            return field.get(server) instanceof Option<?> option && option.isDefined()
                    && option.get() instanceof BrokerServer broker ? broker : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Cannot reach the broker part of Kafka's KafkaRaftServer ({}); its nodes stop whole, brokers and"
                    + " controllers together, which can leave a broker waiting for a controller on close", e.toString());
            return null;
        }
    }

    /** Controlled shutdown: leadership moves to other nodes first, then the node stops; data stays. */
    synchronized void stop() {
        KafkaRaftServer running = server;
        if (running == null) {
            return;
        }
        server = null;
        shutDown(running);
    }

    @Override
    public String toString() {
        return "Kafka node " + address.nodeId() + " (" + address.clientEndpoint() + ")";
    }

    private static void shutDown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private void formatOnce() {
        if (Files.exists(logDirectory.resolve(META_PROPERTIES))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(address.nodeId())
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDirectory.toString()))
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setControllerListenerName(ServerProperties.CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new EmbeddedKafkaException("Could not format the storage of " + this + " in " + logDirectory, e);
        }
    }
}
