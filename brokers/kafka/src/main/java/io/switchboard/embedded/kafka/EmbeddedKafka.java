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
import java.util.Objects;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) running inside this JVM, on free
 * ports and a temporary directory. For tests that need a true broker without Docker.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().build().start()) {
 *     kafka.createTopic("orders", 3);
 *     Map<String, Object> config = new HashMap<>(kafka.clientProperties());
 *     // ... KafkaProducer / KafkaConsumer with config
 *     kafka.restart();   // same data, same ports: clients reconnect by themselves
 * }                      // close(): stops the broker and deletes its directory
 * }</pre>
 *
 * <p>{@link #stop()} is a controlled shutdown that keeps every acknowledged record; {@link #start()}
 * brings the broker back on the same data and ports. Every call that waits is bounded by the
 * builder's {@linkplain Builder#timeout(Duration) timeout} and fails with
 * {@link EmbeddedKafkaException} when it runs out. Thread-safe; lifecycle calls are serialized.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final int NODE = 0;

    private final NodeGroup node;

    private EmbeddedKafka(BrokerOptions options) {
        this.node = new NodeGroup(options, 1);
    }

    /**
     * Starts describing a broker; {@code builder().build()} gives the defaults listed in the README.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the broker, or starts it again after {@link #stop()}, and returns once it serves clients.
     * The first start formats a new temporary directory and picks the ports. Does nothing if running.
     *
     * @return this broker, for {@code builder().build().start()}
     * @throws IllegalStateException  after {@link #close()}
     * @throws EmbeddedKafkaException if the broker does not come up within the timeout
     */
    public EmbeddedKafka start() {
        node.startAll();
        return this;
    }

    /**
     * Controlled shutdown: keeps data and ports for a later {@link #start()}. Does nothing if stopped.
     *
     * @throws EmbeddedKafkaException if the broker does not stop within the timeout
     */
    public void stop() {
        node.stopAll();
    }

    /**
     * {@link #stop()} then {@link #start()}: same data, same ports, so connected clients reconnect.
     *
     * @throws EmbeddedKafkaException if either step runs out of time
     */
    public void restart() {
        stop();
        start();
    }

    /**
     * Whether the broker is up.
     *
     * @return {@code true} once started, until stopped or closed
     */
    public boolean isRunning() {
        return node.isRunning(NODE);
    }

    /**
     * The PLAINTEXT listener, for {@code bootstrap.servers}. Stays the same across restarts. On a
     * broker with {@linkplain Builder#aclAuthorization(boolean) ACLs} this listener acts as a super
     * user, for test set-up.
     *
     * @return {@code 127.0.0.1:port}
     * @throws IllegalStateException before the first start
     */
    public String bootstrapServers() {
        return node.bootstrapServers();
    }

    /**
     * The SASL_PLAINTEXT listener (PLAIN mechanism). Stays the same across restarts.
     *
     * @return {@code 127.0.0.1:port}
     * @throws IllegalStateException before the first start, or if the builder did not call
     *                               {@link Builder#saslPlain(Map)}
     */
    public String saslBootstrapServers() {
        return node.saslBootstrapServers();
    }

    /**
     * The real port of the listener that {@link Builder#advertisedThrough(int)} put behind a proxy: where the proxy
     * forwards to.
     *
     * @return the port
     * @throws IllegalStateException before the first start, or without {@link Builder#advertisedThrough(int)}
     */
    public int proxiedListenerPort() {
        return node.proxiedListenerPort();
    }

    /**
     * The SSL listener, which presents the certificate of {@link Builder#tls(Path, String)}. Stays the same across
     * restarts.
     *
     * @return {@code 127.0.0.1:port}
     * @throws IllegalStateException before the first start, or without {@link Builder#tls(Path, String)}
     */
    public String tlsBootstrapServers() {
        return node.tlsBootstrapServers();
    }

    /**
     * The SASL_SSL listener (PLAIN over TLS), there when the builder turned on both SASL and TLS.
     *
     * @return {@code 127.0.0.1:port}
     * @throws IllegalStateException before the first start, or without both {@link Builder#saslPlain(Map)} and
     *                               {@link Builder#tls(Path, String)}
     */
    public String saslTlsBootstrapServers() {
        return node.saslTlsBootstrapServers();
    }

    /**
     * Client settings for the PLAINTEXT listener; add serializers and the rest as usual.
     *
     * @return an immutable map holding {@code bootstrap.servers}
     * @throws IllegalStateException before the first start
     */
    public Map<String, Object> clientProperties() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }

    /**
     * Client settings that log in on the SASL listener; add serializers and the rest as usual.
     *
     * @param user     the user name to present
     * @param password the password to present; need not be the right one
     * @return an immutable map with {@code bootstrap.servers}, {@code security.protocol},
     *         {@code sasl.mechanism} and {@code sasl.jaas.config}
     * @throws IllegalStateException before the first start, or without {@link Builder#saslPlain(Map)}
     */
    public Map<String, Object> saslClientProperties(String user, String password) {
        return Map.of(
                "bootstrap.servers", saslBootstrapServers(),
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", SaslPlain.MECHANISM,
                "sasl.jaas.config", SaslPlain.clientJaasConfig(
                        Objects.requireNonNull(user, "user"), Objects.requireNonNull(password, "password")));
    }

    /**
     * Creates a topic with replication factor 1 and returns once every partition's leader serves
     * requests, so a producer used right after succeeds at its first attempt.
     *
     * @param name       the topic name
     * @param partitions how many partitions, at least 1
     * @throws EmbeddedKafkaException if it exists already, Kafka refuses it, or the timeout runs out
     */
    public void createTopic(String name, int partitions) {
        node.createTopic(name, partitions, 1);
    }

    /**
     * Denies a user every operation on a topic; the user's clients then fail with Kafka's
     * {@code TopicAuthorizationException}. Other users keep full access. Returns once the broker
     * enforces it.
     *
     * @param user  a SASL user name, as given to {@link Builder#saslPlain(Map)}
     * @param topic the topic to close to that user; it need not exist yet
     * @throws IllegalStateException if the builder did not turn on {@link Builder#aclAuthorization(boolean)}
     */
    public void denyTopicAccess(String user, String topic) {
        node.denyTopicAccess(user, topic);
    }

    /**
     * The broker's data directory, a temporary directory that {@link #close()} deletes.
     *
     * @return the directory
     * @throws IllegalStateException before the first start
     */
    public Path dataDirectory() {
        return node.directory();
    }

    /**
     * Stops the broker and deletes its data directory. Idempotent; the broker cannot start again.
     *
     * @throws EmbeddedKafkaException if the broker did not stop in time (the directory is deleted anyway)
     */
    @Override
    public void close() {
        node.close();
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + (isRunning() ? "running on " + bootstrapServers() : "not running") + "]";
    }

    /**
     * Describes a broker before it starts. Every option has a default that suits tests; see the README.
     * Not thread-safe; {@link #build()} copies the options, so one builder can build several brokers.
     */
    public static final class Builder {

        private final BrokerOptions options = new BrokerOptions();

        private Builder() {
        }

        /**
         * Sets any Kafka broker property, as in {@code server.properties}. Applied last, so it
         * overrides the defaults chosen here (for example {@code num.partitions} or
         * {@code log.retention.ms}).
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
         * Adds a SASL_PLAINTEXT listener with the PLAIN mechanism, reachable at
         * {@link EmbeddedKafka#saslBootstrapServers()}. The PLAINTEXT listener stays open.
         *
         * @param users user name to password; names may hold letters, digits and {@code . _ - @}
         * @return this builder
         */
        public Builder saslPlain(Map<String, String> users) {
            options.saslPlain(users);
            return this;
        }

        /**
         * Adds an SSL listener, reachable at {@link EmbeddedKafka#tlsBootstrapServers()}, and with
         * {@link #saslPlain(Map)} a SASL_SSL one ({@link EmbeddedKafka#saslTlsBootstrapServers()}). Both present the
         * key store's certificate; it should name {@code 127.0.0.1}, the address every listener advertises. The
         * PLAINTEXT listener stays open for set-up and replication.
         *
         * @param keyStore a PKCS#12 key store with the broker's key and certificate chain
         * @param password its password, also the key's
         * @return this builder
         */
        public Builder tls(Path keyStore, String password) {
            options.tls(keyStore, password);
            return this;
        }

        /**
         * Adds a PLAINTEXT listener that advertises {@code 127.0.0.1:proxyPort} instead of its own address, so that
         * a client bootstrapped at the proxy makes every connection through it, as a client behind a faulty network
         * would. The proxy forwards to {@link EmbeddedKafka#proxiedListenerPort()}; it must listen before the broker
         * starts (a proxy that asks for its target at each connection, such as {@code FaultyProxy.forwardingTo(
         * Supplier)}, allows that).
         *
         * @param proxyPort the port the proxy listens on
         * @return this builder
         */
        public Builder advertisedThrough(int proxyPort) {
            if (proxyPort <= 0 || proxyPort > 65_535) {
                throw new IllegalArgumentException("proxyPort must be a TCP port (1-65535), was " + proxyPort);
            }
            options.proxyPort = proxyPort;
            return this;
        }

        /**
         * Turns on Kafka's standard KRaft authorizer ({@code StandardAuthorizer}). Resources without
         * ACLs stay open to every user, so only what a test restricts (see
         * {@link EmbeddedKafka#denyTopicAccess}) is restricted. Clients on the PLAINTEXT listener act
         * as a super user.
         *
         * @param enabled default {@code false}
         * @return this builder
         */
        public Builder aclAuthorization(boolean enabled) {
            options.aclAuthorization = enabled;
            return this;
        }

        /**
         * Makes a SASL user a super user, whom no ACL restricts. Only meaningful with ACLs on.
         *
         * @param user a user name given to {@link #saslPlain(Map)}
         * @return this builder
         */
        public Builder superUser(String user) {
            options.superUser(user);
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
         * Bounds every wait: start, stop, topic creation, ACLs.
         *
         * @param timeout positive; default 60 seconds
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            options.timeout(timeout);
            return this;
        }

        /**
         * Builds the broker without starting it: call {@link EmbeddedKafka#start()}.
         *
         * @return a broker with these options
         */
        public EmbeddedKafka build() {
            options.registerSecrets();
            return new EmbeddedKafka(options.copy());
        }
    }
}
