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
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.net.BindException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * Apache ActiveMQ Artemis (2.x) running inside the current JVM: an {@code EmbeddedActiveMQ} with a
 * persistent NIO journal (no native library) in a temporary directory and a Core protocol TCP acceptor on
 * {@code 127.0.0.1}.
 *
 * <pre>{@code
 * try (EmbeddedArtemis broker = EmbeddedArtemis.builder().user("app", "secret").build()) {
 *     broker.start();
 *     ConnectionFactory factory = broker.connectionFactory("app", "secret");
 *     ...
 * }
 * }</pre>
 *
 * <p>Differences from an instance made with {@code artemis create}: no JMX, no critical analyzer (a busy
 * test machine should not make the broker stop itself), no disk-usage limit (a full build disk would
 * otherwise block every producer), and only the Core protocol. Like a created instance, every address
 * sends expired messages to {@value #EXPIRY_QUEUE} and undeliverable ones to {@value #DEAD_LETTER_QUEUE};
 * queues and addresses are created on first use.
 *
 * <p>How the common options map to Artemis:
 * <ul>
 *   <li>{@link Builder#user} / {@link Builder#userDeniedSendTo}: security enabled, an in-memory JAAS login
 *       module, and one role per user. A denied user may create a producer for the destination; the
 *       synchronous send fails with {@link jakarta.jms.JMSSecurityException}.
 *   <li>{@link Builder#failSendsBeyond}: {@code max-size-bytes} with the {@code FAIL} address-full policy.
 *       A synchronous send to a full address fails with a plain {@link jakarta.jms.JMSException} whose cause
 *       is {@code org.apache.activemq.artemis.api.core.ActiveMQAddressFullException} (the Artemis client
 *       maps no JMS subtype to it). Non-durable sends are asynchronous by default and fail unseen.
 *   <li>{@link Builder#diskSync}{@code (false)}: {@code journal-sync-transactional} and
 *       {@code journal-sync-non-transactional} off.
 * </ul>
 *
 * <p>What needs no option here: JMS 2 delivery delay ({@code MessageProducer.setDeliveryDelay}) and
 * priority ordering (every queue delivers higher priorities first) are always on, and time to live works
 * as in the JMS specification.
 */
public final class EmbeddedArtemis extends BrokerLifecycle {

    /** Where every address sends its expired messages. */
    public static final String EXPIRY_QUEUE = "ExpiryQueue";

    /** Where every address sends messages that exceeded their delivery attempts. */
    public static final String DEAD_LETTER_QUEUE = "DLQ";

    private static final String ACCEPTOR_NAME = "tcp";
    private static final String TLS_ACCEPTOR_NAME = "tls";

    private final CommonSettings settings;
    private EmbeddedActiveMQ server;

    EmbeddedArtemis(CommonSettings settings, IntSupplier portPicker) {
        super("artemis", portPicker);
        this.settings = settings;
    }

    /**
     * A builder of a broker with Artemis' defaults: anonymous access (security off), no address limits.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    void startBroker(Path storeDirectory, String host, int port, int tlsPort) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setName("switchboard-artemis-" + port);
        configuration.setPersistenceEnabled(true);
        configuration.setJournalType(JournalType.NIO);
        configuration.setBrokerInstance(storeDirectory.toFile());
        configuration.setJournalDirectory(storeDirectory.resolve("journal").toString());
        configuration.setBindingsDirectory(storeDirectory.resolve("bindings").toString());
        configuration.setPagingDirectory(storeDirectory.resolve("paging").toString());
        configuration.setLargeMessagesDirectory(storeDirectory.resolve("large-messages").toString());
        configuration.setNodeManagerLockDirectory(storeDirectory.toString());
        configuration.setJournalSyncTransactional(settings.diskSync());
        configuration.setJournalSyncNonTransactional(settings.diskSync());
        configuration.setJMXManagementEnabled(false);
        configuration.setCriticalAnalyzer(false);
        configuration.setMaxDiskUsage(-1);
        configuration.addAcceptorConfiguration(ACCEPTOR_NAME, "tcp://" + host + ":" + port + "?protocols=CORE");
        if (settings.tls().isPresent()) {
            ServerKeyStore keyStore = settings.tls().get();
            configuration.addAcceptorConfiguration(TLS_ACCEPTOR_NAME, "tcp://" + host + ":" + tlsPort
                    + "?protocols=CORE;sslEnabled=true;keyStoreType=PKCS12;keyStorePath=" + keyStore.path()
                    + ";keyStorePassword=" + keyStore.password());
        }
        configuration.addAddressSetting("#", everyAddress());
        configuration.addQueueConfiguration(QueueConfiguration.of(EXPIRY_QUEUE).setRoutingType(RoutingType.ANYCAST));
        configuration.addQueueConfiguration(QueueConfiguration.of(DEAD_LETTER_QUEUE).setRoutingType(RoutingType.ANYCAST));
        ArtemisSecurity.configure(configuration, settings);

        EmbeddedActiveMQ starting = new EmbeddedActiveMQ()
                .setConfiguration(configuration)
                .setSecurityManager(ArtemisSecurity.securityManager(settings))
                // otherwise a broker.properties anywhere on the test class path would reconfigure the broker
                .setPropertiesResourcePath(null);
        starting.createActiveMQServer();
        // Artemis logs a failed activation (such as an acceptor that cannot bind its port) and returns from
        // start() as if all was well; a broker nobody can reach is of no use to a test
        AtomicReference<Exception> activationFailure = new AtomicReference<>();
        starting.getActiveMQServer().registerActivationFailureListener(activationFailure::set);
        starting.start();
        if (activationFailure.get() != null || !starting.getActiveMQServer().isActive()) {
            starting.stop();
            throw startFailure(host, tlsPort != 0 && !isPortFree(host, tlsPort) ? tlsPort : port,
                    activationFailure.get());
        }
        server = starting;
    }

    /** Tells a port conflict apart as a {@link BindException}: Netty's native transport reports it otherwise. */
    private static Exception startFailure(String host, int port, Exception activationFailure) {
        if (isPortFree(host, port)) {
            return new IllegalStateException("Artemis did not activate", activationFailure);
        }
        BindException conflict = new BindException("Artemis could not listen on " + host + ":" + port);
        conflict.initCause(activationFailure);
        return conflict;
    }

    private AddressSettings everyAddress() {
        AddressSettings everyAddress = new AddressSettings()
                .setExpiryAddress(SimpleString.of(EXPIRY_QUEUE))
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_QUEUE));
        if (settings.hasSendLimit()) {
            everyAddress.setMaxSizeBytes(settings.sendLimitBytes())
                    .setAddressFullMessagePolicy(AddressFullMessagePolicy.FAIL);
        }
        return everyAddress;
    }

    @Override
    Optional<ServerKeyStore> tls() {
        return settings.tls();
    }

    @Override
    String tlsUrl(String host, int port) {
        return "tcp://" + host + ":" + port + "?sslEnabled=true";
    }

    @Override
    void stopBroker() throws Exception {
        EmbeddedActiveMQ stopping = server;
        server = null;
        stopping.stop();
    }

    @Override
    ConnectionFactory newConnectionFactory(String url, String user, String password) {
        return new ActiveMQConnectionFactory(url, user, password);
    }

    /**
     * Builds an {@link EmbeddedArtemis}. It has the {@linkplain EmbeddedJmsBroker.Builder common options}
     * only: what Classic needs options for (priority ordering, delivery delay) Artemis always does.
     */
    public static final class Builder extends CommonBuilder<Builder> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        CommonSettings settings() {
            return commonSettings();
        }

        @Override
        public EmbeddedArtemis build() {
            commonSettings().registerSecrets();
            return new EmbeddedArtemis(settings(), BrokerLifecycle::pickFreePort);
        }
    }
}
