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
package io.switchboard.embedded.pulsar;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pulsar.broker.PulsarService;
import org.apache.pulsar.broker.ServiceConfiguration;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.admin.PulsarAdminException;
import org.apache.pulsar.common.naming.TopicName;
import org.apache.pulsar.functions.worker.WorkerConfig;

/**
 * Pulsar standalone inside this JVM: one BookKeeper bookie and one broker on a RocksDB metadata store, in a
 * temporary directory, on free loopback ports. Made for tests: no Docker, no installed service.
 *
 * <pre>{@code
 * try (EmbeddedPulsar pulsar = EmbeddedPulsar.builder().build()) {
 *     pulsar.start();
 *     try (PulsarClient client = PulsarClient.builder().serviceUrl(pulsar.serviceUrl()).build()) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #stop()} keeps the data and the ports; {@link #start()} after it (or {@link #restart()}) brings the
 * same broker back, and Pulsar clients reconnect by themselves. {@link #close()} stops and deletes everything.
 *
 * <p>Thread-safe: lifecycle methods are serialised on the instance.
 */
public final class EmbeddedPulsar implements AutoCloseable {

    /** The role whose tokens may do anything when {@link Builder#tokenAuthentication(boolean)} is on. */
    public static final String SUPERUSER_ROLE = "embedded-superuser";

    /** Default largest message: Pulsar's own default, 5 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 5 * 1024 * 1024;

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private enum State { NEW, RUNNING, STOPPED, CLOSED }

    private final BrokerSettings settings;
    private final Optional<TokenAuthority> tokens;

    private State state = State.NEW;
    private WorkingDirectory directory;
    private int bookiePort;
    /** 0 until the first start has bound them; fixed from then on so that clients find the broker again. */
    private int brokerPort;
    private int webPort;
    private int tlsPort;
    private LocalBookie bookie;
    private PulsarService broker;

    EmbeddedPulsar(BrokerSettings settings) {
        this.settings = settings;
        this.tokens = settings.tokenAuthentication() ? Optional.of(new TokenAuthority()) : Optional.empty();
    }

    /**
     * Starts configuring an embedded Pulsar.
     *
     * @return a builder with standalone's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the bookie and the broker, and on the first start creates the {@code standalone} cluster and the
     * {@code public/default} namespace. Does nothing if already running; starts again a broker that shut itself
     * down after a fatal error.
     *
     * @throws EmbeddedPulsarException if the bookie or the broker cannot start
     * @throws IllegalStateException   if this instance is closed
     */
    public synchronized void start() {
        if (state == State.CLOSED) {
            throw new IllegalStateException("This EmbeddedPulsar is closed; build a new one");
        }
        if (state == State.RUNNING) {
            if (broker.isRunning()) {
                return;
            }
            // The broker shut itself down after a fatal error; clear what is left of it and start afresh.
            stopParts();
            state = State.STOPPED;
        }
        PulsarLogLevels.quietenUnlessConfigured();
        if (directory == null) {
            directory = WorkingDirectory.create();
            bookiePort = FreePort.onLoopback();
        }
        try {
            bookie = LocalBookie.start(directory, bookiePort, settings.maxMessageSize());
        } catch (Exception e) {
            throw new EmbeddedPulsarException("The bookie did not start on port " + bookiePort, e);
        }
        try {
            broker = startBroker();
            brokerPort = broker.getBrokerListenPort().orElseThrow();
            webPort = broker.getListenPortHTTP().orElseThrow();
            if (settings.tls()) {
                tlsPort = broker.getBrokerListenPortTls().orElseThrow();
            }
            ClusterMetadata.ensureCreated(broker);
        } catch (Exception e) {
            EmbeddedPulsarException failure = new EmbeddedPulsarException("The broker did not start"
                    + (brokerPort == 0 ? "" : " on ports " + brokerPort + " and " + webPort), e);
            Exception cleanupFailure = stopParts();
            if (cleanupFailure != null) {
                failure.addSuppressed(cleanupFailure);
            }
            throw failure;
        }
        state = State.RUNNING;
    }

    /**
     * Stops the broker and the bookie, keeping their data and ports for a later {@link #start()}. Clients stay
     * open and try to reconnect. Does nothing if not running.
     *
     * @throws EmbeddedPulsarException if a part did not stop cleanly (the instance is stopped anyway)
     */
    public synchronized void stop() {
        if (state != State.RUNNING) {
            return;
        }
        state = State.STOPPED;
        Exception failure = stopParts();
        if (failure != null) {
            throw new EmbeddedPulsarException("The embedded Pulsar did not stop cleanly", failure);
        }
    }

    /**
     * Stops and starts again on the same data and ports: every acknowledged message is still there, and clients
     * reconnect to the same service URL.
     */
    public synchronized void restart() {
        stop();
        start();
    }

    /**
     * Whether the broker is up and serving.
     *
     * @return {@code true} between a successful {@link #start()} and the next {@link #stop()} or {@link #close()}
     */
    public synchronized boolean isRunning() {
        return state == State.RUNNING && broker.isRunning();
    }

    /**
     * The binary protocol URL for {@code PulsarClient.builder().serviceUrl(...)}. Stays the same across restarts.
     *
     * @return e.g. {@code pulsar://127.0.0.1:41234}
     * @throws IllegalStateException if never started
     */
    public synchronized String serviceUrl() {
        requireStartedOnce();
        return "pulsar://" + BrokerConfigurationFactory.LOOPBACK_ADDRESS + ":" + brokerPort;
    }

    /**
     * The binary protocol's TLS port, which presents the certificate of {@link Builder#tls(Path, Path)}. Stays the
     * same across restarts.
     *
     * @return e.g. {@code pulsar+ssl://127.0.0.1:41236}
     * @throws IllegalStateException if never started, or without TLS
     */
    public synchronized String tlsServiceUrl() {
        requireStartedOnce();
        if (!settings.tls()) {
            throw new IllegalStateException("TLS is off; turn it on with EmbeddedPulsar.builder().tls(chain, key)");
        }
        return "pulsar+ssl://" + BrokerConfigurationFactory.LOOPBACK_ADDRESS + ":" + tlsPort;
    }

    /**
     * The HTTP URL of the admin REST API, for {@code PulsarAdmin.builder().serviceHttpUrl(...)}. Stays the same
     * across restarts.
     *
     * @return e.g. {@code http://127.0.0.1:41235}
     * @throws IllegalStateException if never started
     */
    public synchronized String httpUrl() {
        requireStartedOnce();
        return "http://" + BrokerConfigurationFactory.LOOPBACK_ADDRESS + ":" + webPort;
    }

    /**
     * Creates a non-partitioned persistent topic and waits until the broker has it (at most 30 s).
     *
     * @param name a short name ({@code orders}, resolved in {@code public/default}) or a full one
     *             ({@code persistent://tenant/namespace/orders})
     * @return the full topic name
     * @throws EmbeddedPulsarException if the topic exists already or the broker did not create it in time
     */
    public String createTopic(String name) {
        String topic = TopicName.get(name).toString();
        awaitAdmin("create topic " + topic, admin().topics().createNonPartitionedTopicAsync(topic));
        return topic;
    }

    /**
     * Creates a partitioned persistent topic and waits until the broker has it (at most 30 s).
     *
     * @param name       a short or full topic name, as for {@link #createTopic(String)}
     * @param partitions the number of partitions, at least 1
     * @return the full topic name (the partitions are {@code <name>-partition-0} and so on)
     * @throws EmbeddedPulsarException if the topic exists already or the broker did not create it in time
     */
    public String createPartitionedTopic(String name, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        String topic = TopicName.get(name).toString();
        awaitAdmin("create partitioned topic " + topic,
                admin().topics().createPartitionedTopicAsync(topic, partitions));
        return topic;
    }

    /**
     * Mints a token for a role, signed with this instance's secret key. Tokens never expire and stay valid across
     * restarts. Use it with {@code AuthenticationFactory.token(...)}.
     *
     * @param role the subject of the token; {@link #SUPERUSER_ROLE} may do anything
     * @return a signed JWT
     * @throws IllegalStateException if token authentication is not on
     */
    public String createToken(String role) {
        Objects.requireNonNull(role, "role");
        return tokens.orElseThrow(() -> new IllegalStateException(
                "Token authentication is off; turn it on with EmbeddedPulsar.builder().tokenAuthentication(true)"))
                .createToken(role);
    }

    /**
     * Stops everything and deletes the data directory. Idempotent; the instance cannot start again.
     */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        Exception failure = state == State.RUNNING ? stopParts() : null;
        state = State.CLOSED;
        if (directory != null) {
            directory.delete();
        }
        if (failure != null) {
            throw new EmbeddedPulsarException("The embedded Pulsar did not stop cleanly; its data was deleted",
                    failure);
        }
    }

    synchronized boolean isClosed() {
        return state == State.CLOSED;
    }

    /** Where the data lives; for tests that check it is deleted. */
    synchronized Path dataDirectory() {
        requireStartedOnce();
        return directory.root();
    }

    @Override
    public synchronized String toString() {
        return "EmbeddedPulsar[" + state + (brokerPort == 0 ? "" : ", " + serviceUrl()) + "]";
    }

    private PulsarService startBroker() throws Exception {
        ServiceConfiguration configuration =
                BrokerConfigurationFactory.create(settings, directory, brokerPort, webPort, tlsPort, tokens);
        PulsarService service = new PulsarService(configuration, new WorkerConfig(), Optional.empty(),
                EmbeddedPulsar::refuseProcessExit);
        try {
            service.start();
        } catch (Exception e) {
            // Release whatever it bound or started before failing, so that a retry finds the ports free.
            try {
                service.closeAsync().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception closeFailure) {
                if (closeFailure instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
        return service;
    }

    /**
     * Pulsar asks to halt the process when it meets an error it cannot recover from (e.g. losing its metadata
     * session). Inside a test JVM that would kill the test run, so the request becomes an exception instead.
     */
    private static void refuseProcessExit(int exitCode) {
        throw new EmbeddedPulsarException("Pulsar asked to exit the process with code " + exitCode
                + "; the embedded broker does not halt the JVM");
    }

    /** Stops the broker, then the bookie under it; returns the first failure rather than throwing. */
    private Exception stopParts() {
        Exception failure = null;
        if (broker != null) {
            try {
                broker.closeAsync().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            } catch (ExecutionException | TimeoutException e) {
                failure = e;
            }
            broker = null;
        }
        if (bookie != null) {
            try {
                bookie.stop();
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
            bookie = null;
        }
        return failure;
    }

    private synchronized PulsarAdmin admin() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("The embedded Pulsar is not running (" + state + ")");
        }
        try {
            // The broker's own admin client: already authenticated as the super-user when tokens are on.
            return broker.getAdminClient();
        } catch (Exception e) {
            throw new EmbeddedPulsarException("The broker's admin client is not available", e);
        }
    }

    private static void awaitAdmin(String action, Future<Void> operation) {
        try {
            operation.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedPulsarException("Interrupted while waiting to " + action, e);
        } catch (TimeoutException e) {
            operation.cancel(true);
            throw new EmbeddedPulsarException(
                    "Could not " + action + " within " + ADMIN_TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof PulsarAdminException.ConflictException ? "it already exists"
                    : String.valueOf(cause.getMessage());
            throw new EmbeddedPulsarException("Could not " + action + ": " + reason, cause);
        }
    }

    private void requireStartedOnce() {
        if (brokerPort == 0) {
            throw new IllegalStateException("The embedded Pulsar has not been started yet");
        }
    }

    /**
     * Configures an {@link EmbeddedPulsar}. Defaults are Pulsar standalone's, except that retention is
     * unlimited, inactive topics are never deleted, and everything listens on the loopback interface only.
     */
    public static final class Builder {

        private boolean allowAutoTopicCreation = true;
        private boolean deduplication;
        private boolean tokenAuthentication;
        private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private Path tlsCertificateChain;
        private Path tlsPrivateKey;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Whether producers and consumers may create a topic just by using its name. Default {@code true}.
         *
         * @param allow {@code false} to require {@link EmbeddedPulsar#createTopic(String)} first
         * @return this builder
         */
        public Builder allowAutoTopicCreation(boolean allow) {
            this.allowAutoTopicCreation = allow;
            return this;
        }

        /**
         * Broker-side message deduplication for every namespace, {@code public/default} included: a message whose
         * producer name and sequence id the broker has already stored is acknowledged but not stored again. Needed
         * for effectively-once tests. Default {@code false}.
         *
         * @param enabled {@code true} to drop resent sequence ids
         * @return this builder
         */
        public Builder deduplication(boolean enabled) {
            this.deduplication = enabled;
            return this;
        }

        /**
         * JWT token authentication with a secret key generated for this instance. Clients need
         * {@code AuthenticationFactory.token(pulsar.createToken(role))}; tokens of any role are accepted, because
         * authorization stays off unless enabled with {@code brokerProperty("authorizationEnabled", "true")}, in
         * which case only {@link EmbeddedPulsar#SUPERUSER_ROLE} and roles granted permissions may act. Default
         * {@code false}.
         *
         * @param enabled {@code true} to reject clients without a valid token
         * @return this builder
         */
        public Builder tokenAuthentication(boolean enabled) {
            this.tokenAuthentication = enabled;
            return this;
        }

        /**
         * The largest message the broker and the bookie accept, payload plus properties. Default 5 MiB.
         *
         * @param bytes at least 1 KiB
         * @return this builder
         */
        public Builder maxMessageSize(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxMessageSize must be at least 1024 bytes, got " + bytes);
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /**
         * Opens a TLS port for the binary protocol beside the plain one, at {@link EmbeddedPulsar#tlsServiceUrl()}.
         * The certificate should name {@code 127.0.0.1}, the address the broker advertises.
         *
         * @param certificateChain PEM file: the broker's certificate, then its issuers
         * @param privateKey       PEM file: the certificate's unencrypted PKCS#8 key
         * @return this builder
         */
        public Builder tls(Path certificateChain, Path privateKey) {
            this.tlsCertificateChain = Objects.requireNonNull(certificateChain, "certificateChain").toAbsolutePath();
            this.tlsPrivateKey = Objects.requireNonNull(privateKey, "privateKey").toAbsolutePath();
            return this;
        }

        /**
         * Any {@code broker.conf} setting, by its name there (e.g. {@code "defaultNumberOfNamespaceBundles"}).
         * Applied last, so it overrides this builder's own choices; overriding ports, addresses or the metadata
         * store breaks restarts.
         *
         * @param key   the setting's name
         * @param value its value, as it would be written in {@code broker.conf}
         * @return this builder
         */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Creates the instance; nothing starts until {@link EmbeddedPulsar#start()}.
         *
         * @return a new, not yet started, embedded Pulsar
         */
        public EmbeddedPulsar build() {
            return new EmbeddedPulsar(settings());
        }

        BrokerSettings settings() {
            return new BrokerSettings(allowAutoTopicCreation, deduplication, tokenAuthentication, maxMessageSize,
                    tlsCertificateChain, tlsPrivateKey, brokerProperties);
        }
    }
}
