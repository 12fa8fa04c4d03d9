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
package io.switchboard.embedded.jms;

import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;

/**
 * A real JMS broker running inside the current JVM, for tests.
 *
 * <p>The broker keeps its store in a temporary directory and listens on one TCP port of
 * {@code 127.0.0.1}. Both are chosen at the first {@link #start()} and kept until {@link #close()}, so
 * {@link #stop()} followed by {@link #start()} (or {@link #restart()}) brings back every persistent
 * message on the same {@link #brokerUrl()}: clients reconnect exactly as they would to a restarted
 * production broker.
 *
 * <pre>{@code
 * try (EmbeddedJmsBroker broker = EmbeddedArtemis.builder().build()) {
 *     broker.start();
 *     try (Connection connection = broker.connectionFactory().createConnection()) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>All methods are thread-safe. Lifecycle methods are idempotent where that makes sense:
 * {@code start()} on a running broker and {@code stop()} on a stopped one do nothing, and
 * {@code close()} may be called any number of times.
 *
 * @see EmbeddedActiveMqClassic
 * @see EmbeddedArtemis
 * @see EmbeddedJmsExtension
 */
public interface EmbeddedJmsBroker extends AutoCloseable {

    /**
     * The broker's name for reports and logs: {@code "activemq-classic"} or {@code "artemis"}.
     *
     * @return a short, stable name of the broker implementation
     */
    String name();

    /**
     * Starts the broker, or does nothing if it is running. The first start creates the store directory
     * and picks a free port; later starts reuse both.
     *
     * @throws IllegalStateException if the broker is closed, or could not start (for instance because
     *     another process took its port while it was stopped); the cause carries the broker's own error
     */
    void start();

    /**
     * Stops the broker and keeps its store, or does nothing if it is not running. Open client
     * connections are dropped, as when a production broker goes down.
     */
    void stop();

    /**
     * Stops the broker if it is running and starts it again on the same store and the same port, so that
     * clients can reconnect to the same {@link #brokerUrl()} and find every persistent message.
     *
     * @throws IllegalStateException as {@link #start()}
     */
    void restart();

    /**
     * Whether the broker is started and accepting connections.
     *
     * @return {@code true} between a successful {@link #start()} and the next {@link #stop()} or
     *     {@link #close()}
     */
    boolean isRunning();

    /**
     * The URL a client of this broker's own provider connects to, for example
     * {@code tcp://127.0.0.1:40123}. It stays the same across restarts.
     *
     * @return the broker's TCP URL
     * @throws IllegalStateException if the broker was never started (its port is chosen at the first start)
     */
    String brokerUrl();

    /**
     * The TLS listener's address in the provider's URL syntax, without trust settings: ActiveMQ Classic
     * {@code ssl://127.0.0.1:port} (trust set on an {@code ActiveMQSslConnectionFactory}), Artemis
     * {@code tcp://127.0.0.1:port?sslEnabled=true} (add {@code &trustStorePath=..&trustStorePassword=..&verifyHost=true}).
     * Stays the same across restarts.
     *
     * @return the address
     * @throws IllegalStateException before the first start, or without {@link Builder#tls(Path, String)}
     */
    String tlsBrokerUrl();

    /**
     * A new connection factory of the broker's own JMS provider, pointed at {@link #brokerUrl()}, with the
     * provider's default settings. Connections made from it carry no credentials; on a broker that
     * requires authentication use {@link #connectionFactory(String, String)} or
     * {@link ConnectionFactory#createConnection(String, String)}.
     *
     * <p>Cast it to the provider's class ({@code org.apache.activemq.ActiveMQConnectionFactory} or
     * {@code org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory}) to change provider
     * settings. Factories that hold resources are closed by {@link #close()}.
     *
     * @return a new connection factory
     * @throws IllegalStateException if the broker was never started
     */
    ConnectionFactory connectionFactory();

    /**
     * As {@link #connectionFactory()}, but every connection created with
     * {@link ConnectionFactory#createConnection()} or {@link ConnectionFactory#createContext()}
     * authenticates as the given user.
     *
     * @param user the user name
     * @param password the user's password
     * @return a new connection factory with default credentials
     * @throws IllegalStateException if the broker was never started
     */
    ConnectionFactory connectionFactory(String user, String password);

    /**
     * A connection factory of this broker's own client for another address that leads to this broker, such as a
     * proxy in front of it ({@code tcp://127.0.0.1:port}), for tests of network faults.
     *
     * @param url the address, in this broker's client's URL syntax
     * @return a new connection factory with default credentials
     */
    ConnectionFactory connectionFactoryAt(String url);

    /**
     * Stops the broker, closes the connection factories it handed out that hold resources, and deletes
     * its store directory. Idempotent; a closed broker cannot be started again.
     */
    @Override
    void close();

    /**
     * Options that both brokers understand, with the same meaning on each. Each broker's own builder
     * ({@link EmbeddedActiveMqClassic.Builder}, {@link EmbeddedArtemis.Builder}) implements this and adds
     * the options only that broker has; code written against this interface runs against either broker.
     */
    interface Builder {

        /**
         * Requires authentication and adds a user that may send, consume, browse and create destinations
         * everywhere. May be called more than once to add several users.
         *
         * @param name the user name, not blank
         * @param password the password, not null
         * @return this builder
         */
        Builder user(String name, String password);

        /**
         * Requires authentication and adds a user that may do everything {@link #user(String, String)}
         * may, except send to the queue or topic named {@code destination}. A synchronous send there
         * (a persistent message, with both providers' defaults) fails with
         * {@link jakarta.jms.JMSSecurityException}; ActiveMQ Classic refuses already
         * {@code createProducer(destination)}. The user may still consume from it.
         *
         * @param name the user name, not blank
         * @param password the password, not null
         * @param destination the queue or topic name the user may not send to, without wildcards
         * @return this builder
         */
        Builder userDeniedSendTo(String name, String password, String destination);

        /**
         * Limits every destination to about {@code bytes} of unconsumed messages and makes sends beyond
         * the limit fail at once instead of blocking the producer. The send that crosses the limit is still
         * accepted; the next synchronous send fails (see each broker's builder for the exception), and
         * sends succeed again once consumers have made room. Other destinations are not affected.
         *
         * @param bytes the per-destination limit, positive
         * @return this builder
         */
        Builder failSendsBeyond(long bytes);

        /**
         * Whether the broker forces its journal to disk before acknowledging a persistent send. The default
         * is {@code true}, as on a production broker. With {@code false}, persistent sends are
         * acknowledged before they reach the disk, which makes them several times faster; messages still
         * survive {@link #stop()} and {@link #restart()}, because those shut the broker down cleanly,
         * but would not survive a crash of the machine, which a test does not have.
         *
         * @param sync {@code false} to skip forcing the journal to disk
         * @return this builder
         */
        Builder diskSync(boolean sync);

        /**
         * Opens a TLS listener beside the plain one, at {@link EmbeddedJmsBroker#tlsBrokerUrl()}, presenting the
         * key store's certificate; it should name {@code 127.0.0.1}. Clients are not asked for a certificate.
         *
         * @param keyStore a PKCS#12 key store with the broker's key and certificate chain
         * @param password its password, also the key's
         * @return this builder
         */
        Builder tls(Path keyStore, String password);

        /**
         * Creates the broker, not yet started. Building has no side effect: the store directory and the
         * port are allocated by the first {@link EmbeddedJmsBroker#start()}.
         *
         * @return a new, stopped broker
         */
        EmbeddedJmsBroker build();
    }
}
