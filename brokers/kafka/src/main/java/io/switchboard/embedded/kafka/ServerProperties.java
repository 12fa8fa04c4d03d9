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
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The broker configuration of one node: a combined KRaft broker and controller tuned to start, stop and
 * fail over quickly in a test. The caller's {@code brokerProperty} values are applied last, so any
 * default here can be overridden.
 */
final class ServerProperties {

    static final String CLIENT_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String SASL_LISTENER = "SASL_PLAINTEXT";
    static final String TLS_LISTENER = "SSL";
    static final String SASL_TLS_LISTENER = "SASL_SSL";
    static final String PROXIED_LISTENER = "PROXIED";

    /** Room for a 1 MiB value plus key, headers and batch overhead, with margin. */
    static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    private static final String STANDARD_AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

    /** The PLAINTEXT and controller listeners authenticate nobody; they are the trusted, internal side. */
    private static final String INTERNAL_PRINCIPAL = "User:ANONYMOUS";

    private ServerProperties() {
    }

    static Properties forNode(BrokerOptions options, NodeAddress self, List<NodeAddress> quorum, Path logDir) {
        Properties properties = new Properties();
        identityAndListeners(properties, self, quorum, logDir);
        replicationFor(properties, quorum.size());
        quickTurnaround(properties, options.timeout);
        properties.setProperty("auto.create.topics.enable", Boolean.toString(options.autoCreateTopics));
        if (options.saslEnabled()) {
            saslPlain(properties, options, SASL_LISTENER);
        }
        if (options.tlsEnabled()) {
            tls(properties, options);
        }
        if (options.saslEnabled() && options.tlsEnabled()) {
            saslPlain(properties, options, SASL_TLS_LISTENER);
        }
        if (options.aclAuthorization) {
            aclAuthorization(properties, options);
        }
        properties.putAll(options.brokerProperties);
        return properties;
    }

    private static void identityAndListeners(Properties p, NodeAddress self, List<NodeAddress> quorum, Path logDir) {
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(self.nodeId()));
        // A static quorum: every node knows every voter from the configuration, no dynamic bootstrap.
        p.setProperty("controller.quorum.voters",
                quorum.stream().map(NodeAddress::voter).collect(Collectors.joining(",")));
        p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        p.setProperty("inter.broker.listener.name", CLIENT_LISTENER);
        String listeners = CLIENT_LISTENER + "://" + self.clientEndpoint();
        String securityMap = CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT";
        if (self.hasSasl()) {
            listeners += "," + SASL_LISTENER + "://" + self.saslEndpoint();
            securityMap += "," + SASL_LISTENER + ":SASL_PLAINTEXT";
        }
        if (self.hasTls()) {
            listeners += "," + TLS_LISTENER + "://" + self.tlsEndpoint();
            securityMap += "," + TLS_LISTENER + ":SSL";
        }
        if (self.hasSaslTls()) {
            listeners += "," + SASL_TLS_LISTENER + "://" + self.saslTlsEndpoint();
            securityMap += "," + SASL_TLS_LISTENER + ":SASL_SSL";
        }
        String advertised = listeners;
        if (self.hasProxy()) {
            // listens on a port of its own, but tells clients to come through the proxy, for every connection
            listeners += "," + PROXIED_LISTENER + "://" + NodeAddress.HOST + ":" + self.proxiedPort();
            advertised += "," + PROXIED_LISTENER + "://" + NodeAddress.HOST + ":" + self.proxyPort();
            securityMap += "," + PROXIED_LISTENER + ":PLAINTEXT";
        }
        p.setProperty("advertised.listeners", advertised);
        p.setProperty("listeners", listeners + "," + CONTROLLER_LISTENER + "://" + self.controllerEndpoint());
        p.setProperty("listener.security.protocol.map", securityMap);
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("metadata.log.dir", logDir.toString());
    }

    /** A single node cannot replicate; a cluster keeps every write on at least two nodes. */
    private static void replicationFor(Properties p, int nodes) {
        String replicationFactor = Integer.toString(Math.min(3, nodes));
        String minInSync = Integer.toString(Math.min(2, nodes));
        p.setProperty("default.replication.factor", replicationFactor);
        p.setProperty("min.insync.replicas", minInSync);
        p.setProperty("offsets.topic.replication.factor", replicationFactor);
        p.setProperty("transaction.state.log.replication.factor", replicationFactor);
        p.setProperty("transaction.state.log.min.isr", minInSync);
        p.setProperty("share.coordinator.state.topic.replication.factor", replicationFactor);
        p.setProperty("share.coordinator.state.topic.min.isr", minInSync);
    }

    private static void quickTurnaround(Properties p, Duration timeout) {
        p.setProperty("num.partitions", "1");
        // Internal topics with one partition: creating the default 50 costs seconds at the first consumer group.
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("share.coordinator.state.topic.num.partitions", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // A restarted node is noticed, fenced and let back in within seconds instead of the default ~9 s.
        p.setProperty("broker.session.timeout.ms", "3000");
        p.setProperty("broker.heartbeat.interval.ms", "500");
        p.setProperty("group.min.session.timeout.ms", "1000");
        p.setProperty("server.max.startup.time.ms", Long.toString(timeout.toMillis()));
        String maxMessageBytes = Integer.toString(MAX_MESSAGE_BYTES);
        p.setProperty("message.max.bytes", maxMessageBytes);
        p.setProperty("replica.fetch.max.bytes", maxMessageBytes);
        p.setProperty("replica.fetch.response.max.bytes", Integer.toString(2 * MAX_MESSAGE_BYTES));
        // The log cleaner allocates its dedupe buffer up front: 128 MiB per node by default.
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        // Fewer threads than a production broker: a test machine has few cores and several nodes share them.
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        p.setProperty("num.replica.fetchers", "1");
        p.setProperty("background.threads", "2");
    }

    private static void saslPlain(Properties p, BrokerOptions options, String listener) {
        String prefix = "listener.name." + listener.toLowerCase() + ".";
        p.setProperty("sasl.enabled.mechanisms", SaslPlain.MECHANISM);
        p.setProperty(prefix + "sasl.enabled.mechanisms", SaslPlain.MECHANISM);
        p.setProperty(prefix + "plain.sasl.jaas.config", SaslPlain.serverJaasConfig(options.saslUsers));
    }

    /** The broker's certificate for the SSL and SASL_SSL listeners; clients are not asked for one. */
    private static void tls(Properties p, BrokerOptions options) {
        p.setProperty("ssl.keystore.type", "PKCS12");
        p.setProperty("ssl.keystore.location", options.tlsKeyStore.toString());
        p.setProperty("ssl.keystore.password", options.tlsKeyStorePassword);
        p.setProperty("ssl.key.password", options.tlsKeyStorePassword);
        p.setProperty("ssl.client.auth", "none");
    }

    /**
     * The standard KRaft authorizer with an open default: resources without ACLs stay usable by every
     * user, so a test only writes the ACLs it is about (see {@link EmbeddedKafka#denyTopicAccess}).
     */
    private static void aclAuthorization(Properties p, BrokerOptions options) {
        p.setProperty("authorizer.class.name", STANDARD_AUTHORIZER);
        p.setProperty("allow.everyone.if.no.acl.found", "true");
        StringBuilder superUsers = new StringBuilder(INTERNAL_PRINCIPAL);
        options.superUsers.forEach(user -> superUsers.append(";User:").append(user));
        p.setProperty("super.users", superUsers.toString());
    }
}
