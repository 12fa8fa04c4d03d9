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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import org.apache.pulsar.broker.ServiceConfiguration;
import org.apache.pulsar.broker.loadbalance.NoopLoadManager;
import org.apache.pulsar.common.configuration.PulsarConfigurationLoader;

/**
 * Builds the broker's {@code ServiceConfiguration}: Pulsar standalone's defaults, adjusted for a test JVM, then
 * the user's own {@code brokerProperty} entries, which win.
 */
final class BrokerConfigurationFactory {

    static final String CLUSTER_NAME = "standalone";
    static final String LOOPBACK_ADDRESS = "127.0.0.1";

    private BrokerConfigurationFactory() {
    }

    /**
     * @param brokerPort the binary protocol port, or 0 for any free one (first start)
     * @param webPort    the HTTP port, or 0 for any free one (first start)
     * @param tlsPort    the binary protocol's TLS port, or 0 for any free one (first start); unused without TLS
     * @param tokens     the token authority when token authentication is on
     */
    static ServiceConfiguration create(BrokerSettings settings, WorkingDirectory directory, int brokerPort,
            int webPort, int tlsPort, Optional<TokenAuthority> tokens) {
        Properties properties = new Properties();
        properties.setProperty("clusterName", CLUSTER_NAME);
        properties.setProperty("metadataStoreUrl", directory.metadataStoreUrl());
        properties.setProperty("bindAddress", LOOPBACK_ADDRESS);
        properties.setProperty("advertisedAddress", LOOPBACK_ADDRESS);
        properties.setProperty("brokerServicePort", Integer.toString(brokerPort));
        properties.setProperty("webServicePort", Integer.toString(webPort));

        // One bookie: every ledger has exactly one copy.
        properties.setProperty("managedLedgerDefaultEnsembleSize", "1");
        properties.setProperty("managedLedgerDefaultWriteQuorum", "1");
        properties.setProperty("managedLedgerDefaultAckQuorum", "1");
        properties.setProperty("bookkeeperNumberOfChannelsPerBookie", "1");
        // One broker: nothing to balance.
        properties.setProperty("loadManagerClassName", NoopLoadManager.class.getName());
        properties.setProperty("loadBalancerEnabled", "false");

        // Without a close timeout of 0 the broker waits up to a minute for bundles to unload on stop.
        properties.setProperty("brokerShutdownTimeoutMs", "0");
        // Keep everything: a reader started after a restart must find every message, even ones that an
        // earlier subscription acknowledged.
        properties.setProperty("defaultRetentionTimeInMinutes", "-1");
        properties.setProperty("defaultRetentionSizeInMB", "-1");
        // A topic created by the test but not used for a minute must not disappear under it.
        properties.setProperty("brokerDeleteInactiveTopicsEnabled", "false");

        properties.setProperty("allowAutoTopicCreation", Boolean.toString(settings.allowAutoTopicCreation()));
        properties.setProperty("brokerDeduplicationEnabled", Boolean.toString(settings.deduplication()));
        properties.setProperty("maxMessageSize", Integer.toString(settings.maxMessageSize()));
        tokens.ifPresent(authority -> properties.putAll(authority.brokerProperties()));
        if (settings.tls()) {
            // the plain port stays open: the broker's own clients and the tests' set-up use it
            properties.setProperty("brokerServicePortTls", Integer.toString(tlsPort));
            properties.setProperty("tlsCertificateFilePath", settings.tlsCertificateChain().toString());
            properties.setProperty("tlsKeyFilePath", settings.tlsPrivateKey().toString());
            properties.setProperty("tlsTrustCertsFilePath", settings.tlsCertificateChain().toString());
            properties.setProperty("tlsRequireTrustedClientCertOnConnect", "false");
        }

        properties.putAll(settings.brokerProperties());
        ServiceConfiguration configuration;
        try {
            configuration = PulsarConfigurationLoader.create(properties, ServiceConfiguration.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Invalid broker configuration", e);
        } catch (IllegalArgumentException e) {
            throw new EmbeddedPulsarException("Invalid broker property: " + e.getMessage(), e);
        }
        // Lets lookups answer with the service URL the client used, as the standalone broker does.
        configuration.setRunningStandalone(!settings.tls());
        return configuration;
    }
}
