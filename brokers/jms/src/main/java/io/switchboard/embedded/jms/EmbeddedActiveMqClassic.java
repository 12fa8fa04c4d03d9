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
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.region.policy.PolicyEntry;
import org.apache.activemq.broker.region.policy.PolicyMap;
import org.apache.activemq.broker.region.policy.VMPendingQueueMessageStoragePolicy;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;
import org.apache.activemq.store.kahadb.disk.journal.Journal.JournalDiskSyncStrategy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * ActiveMQ Classic (6.x) running inside the current JVM: a {@code BrokerService} with a persistent
 * KahaDB store in a temporary directory and an OpenWire TCP connector on {@code 127.0.0.1}.
 *
 * <pre>{@code
 * try (EmbeddedActiveMqClassic broker = EmbeddedActiveMqClassic.builder().schedulerSupport(true).build()) {
 *     broker.start();
 *     ConnectionFactory factory = broker.connectionFactory();   // an org.apache.activemq.ActiveMQConnectionFactory
 *     ...
 * }
 * }</pre>
 *
 * <p>Differences from a broker started with {@code activemq start}, all to keep a test quiet and
 * self-contained: no JMX, no shutdown hook (call {@link #close()}), no advisory messages, and store and
 * temporary-store limits sized to the free disk space so that the broker does not warn about them.
 *
 * <p>How the common options map to Classic:
 * <ul>
 *   <li>{@link Builder#user} / {@link Builder#userDeniedSendTo}: an authentication plugin on a user / password
 *       map and an authorization map. A denied user is refused when it creates a producer <em>for</em> the
 *       denied destination (Classic checks producers when they are registered), or, with an anonymous
 *       producer, on the synchronous send; both with {@link jakarta.jms.JMSSecurityException}.
 *   <li>{@link Builder#failSendsBeyond}: {@code producerFlowControl} with that per-destination
 *       {@code memoryLimit}, {@code sendFailIfNoSpace}, and the VM pending-message cursor, so that pending
 *       persistent messages count against the limit (the default store cursor stops holding them in memory
 *       before the limit is reached, and the destination never fills). A synchronous send to a full
 *       destination fails with {@link jakarta.jms.ResourceAllocationException}. Asynchronous sends
 *       (non-persistent messages, by default) fail without telling the sender.
 *   <li>{@link Builder#diskSync}{@code (false)}: KahaDB's journal disk sync strategy {@code NEVER}.
 * </ul>
 * Classic's own options: {@link Builder#prioritizedMessages} and {@link Builder#schedulerSupport}.
 *
 * <p>Message expiry (JMS time to live) needs no option: an expired message is not delivered, and a
 * persistent one is moved to {@code ActiveMQ.DLQ} when the broker notices it (on dispatch, or by the
 * destination's periodic check, every 30 s by default). The Classic client does not implement JMS 2
 * delivery delay: {@code MessageProducer.setDeliveryDelay} throws {@link UnsupportedOperationException}
 * (6.2); use {@link Builder#schedulerSupport} and the {@code AMQ_SCHEDULED_DELAY} property instead.
 */
public final class EmbeddedActiveMqClassic extends BrokerLifecycle {

    /** The message property, in milliseconds, that delays delivery when {@link Builder#schedulerSupport} is on. */
    public static final String SCHEDULED_DELAY_PROPERTY = "AMQ_SCHEDULED_DELAY";

    /** Where Classic moves expired persistent messages and messages that exceeded their redeliveries. */
    public static final String DEAD_LETTER_QUEUE = "ActiveMQ.DLQ";

    /**
     * Classic warns at start when its store or temporary-store limit exceeds the free disk space, and then
     * lowers the limit itself. Its defaults are 100 GB and 50 GB; no test needs more than this.
     */
    private static final long MAX_DISK_LIMIT_BYTES = 8L * 1024 * 1024 * 1024;

    private final Settings settings;
    private BrokerService broker;

    /**
     * Everything an {@link EmbeddedActiveMqClassic} is built from; equal settings give equal brokers.
     *
     * @param common the options both brokers share
     * @param prioritizedMessages whether destinations order messages by JMS priority
     * @param schedulerSupport whether the scheduler (delayed delivery) is on
     */
    record Settings(CommonSettings common, boolean prioritizedMessages, boolean schedulerSupport) {
    }

    EmbeddedActiveMqClassic(Settings settings, IntSupplier portPicker) {
        super("activemq-classic", portPicker);
        this.settings = settings;
    }

    /**
     * A builder of a broker with Classic's defaults: anonymous access, no priority ordering, no scheduler.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    void startBroker(Path storeDirectory, String host, int port, int tlsPort) throws Exception {
        BrokerService service = new BrokerService();
        // the broker registry is JVM-wide and keyed by name, and vm:// URLs look brokers up there
        service.setBrokerName("switchboard-classic-" + port);
        service.setUseJmx(false);
        service.setUseShutdownHook(false);
        service.setAdvisorySupport(false);
        service.setPersistent(true);
        service.setDataDirectoryFile(storeDirectory.toFile());
        service.setTmpDataDirectory(storeDirectory.resolve("tmp").toFile());
        service.setPersistenceAdapter(kahaDb(storeDirectory.resolve("kahadb")));
        service.setSchedulerSupport(settings.schedulerSupport());
        service.setSchedulerDirectoryFile(storeDirectory.resolve("scheduler").toFile());
        service.setPlugins(ClassicSecurity.plugins(settings.common()));
        limitDiskUsage(service, storeDirectory);
        if (settings.prioritizedMessages() || settings.common().hasSendLimit()) {
            service.setDestinationPolicy(destinationPolicy());
        }
        if (settings.common().hasSendLimit()) {
            service.getSystemUsage().setSendFailIfNoSpace(true);
        }
        // binds the port at once, so a port conflict surfaces here as a BindException
        service.addConnector("tcp://" + host + ":" + port);
        if (settings.common().tls().isPresent()) {
            service.setSslContext(ClassicTls.sslContext(settings.common().tls().get()));
            service.addConnector(tlsUrl(host, tlsPort));
        }
        service.start(); // stops itself again if it fails
        broker = service;
    }

    private KahaDBPersistenceAdapter kahaDb(Path directory) {
        KahaDBPersistenceAdapter kahaDb = new KahaDBPersistenceAdapter();
        kahaDb.setDirectory(directory.toFile());
        if (!settings.common().diskSync()) {
            kahaDb.setJournalDiskSyncStrategy(JournalDiskSyncStrategy.NEVER.name());
        }
        return kahaDb;
    }

    private static void limitDiskUsage(BrokerService service, Path storeDirectory) throws IOException {
        long usable = Files.getFileStore(storeDirectory).getUsableSpace();
        long limit = Math.min(MAX_DISK_LIMIT_BYTES, usable / 2);
        service.getSystemUsage().getStoreUsage().setLimit(limit);
        service.getSystemUsage().getTempUsage().setLimit(limit);
    }

    private PolicyMap destinationPolicy() {
        PolicyEntry everyDestination = new PolicyEntry();
        everyDestination.setPrioritizedMessages(settings.prioritizedMessages());
        if (settings.common().hasSendLimit()) {
            everyDestination.setProducerFlowControl(true);
            everyDestination.setMemoryLimit(settings.common().sendLimitBytes());
            // The default store cursor stops holding persistent messages in memory short of the limit (they
            // stay in KahaDB only), so memory never fills and sends never fail. The VM cursor holds every
            // pending message in memory (persistent ones are still written to the store).
            everyDestination.setPendingQueuePolicy(new VMPendingQueueMessageStoragePolicy());
        }
        PolicyMap policy = new PolicyMap();
        policy.setDefaultEntry(everyDestination);
        return policy;
    }

    @Override
    Optional<ServerKeyStore> tls() {
        return settings.common().tls();
    }

    @Override
    String tlsUrl(String host, int port) {
        return "ssl://" + host + ":" + port;
    }

    @Override
    void stopBroker() throws Exception {
        BrokerService stopping = broker;
        broker = null;
        stopping.stop();
        stopping.waitUntilStopped();
    }

    @Override
    ConnectionFactory newConnectionFactory(String url, String user, String password) {
        return new ActiveMQConnectionFactory(user, password, url);
    }

    /**
     * Builds an {@link EmbeddedActiveMqClassic}. Besides the {@linkplain EmbeddedJmsBroker.Builder common
     * options}, it has Classic's own.
     */
    public static final class Builder extends CommonBuilder<Builder> {

        private boolean prioritizedMessages;
        private boolean schedulerSupport;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Whether every destination delivers messages of higher JMS priority first ({@code prioritizedMessages}
         * on the destination policy). Off by default, as in Classic: without it a queue delivers in send order
         * whatever the priority. KahaDB keeps three levels: below 4, 4, and above 4.
         *
         * @param enabled {@code true} to order messages by priority
         * @return this builder
         */
        public Builder prioritizedMessages(boolean enabled) {
            this.prioritizedMessages = enabled;
            return this;
        }

        /**
         * Whether the broker's scheduler is on ({@code schedulerSupport}): a message with the
         * {@value EmbeddedActiveMqClassic#SCHEDULED_DELAY_PROPERTY} property (a {@code long}, in milliseconds) is delivered that much
         * later, and scheduled messages survive a restart. Off by default, as in Classic: the property is then
         * ignored and the message delivered at once.
         *
         * @param enabled {@code true} to honour delivery delays
         * @return this builder
         */
        public Builder schedulerSupport(boolean enabled) {
            this.schedulerSupport = enabled;
            return this;
        }

        Settings settings() {
            return new Settings(commonSettings(), prioritizedMessages, schedulerSupport);
        }

        @Override
        public EmbeddedActiveMqClassic build() {
            commonSettings().registerSecrets();
            return new EmbeddedActiveMqClassic(settings(), BrokerLifecycle::pickFreePort);
        }
    }
}
