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

/**
 * Where one node listens. Chosen once, at the first start, and kept for the node's life so that a
 * restarted node answers on the addresses clients already know.
 *
 * @param nodeId         the Kafka {@code node.id}
 * @param clientPort     PLAINTEXT listener for clients and replication
 * @param controllerPort KRaft controller listener
 * @param saslPort       SASL_PLAINTEXT listener, or {@code -1} without SASL
 * @param tlsPort        SSL listener, or {@code -1} without TLS
 * @param saslTlsPort    SASL_SSL listener, or {@code -1} unless both SASL and TLS are on
 * @param proxiedPort    PLAINTEXT listener advertised at a proxy's port, or {@code -1} without one
 * @param proxyPort      the proxy's port, which the proxied listener advertises
 */
record NodeAddress(int nodeId, int clientPort, int controllerPort, int saslPort, int tlsPort, int saslTlsPort,
                   int proxiedPort, int proxyPort) {

    /** Loopback by address, not by name, so that no client or broker waits on a name lookup. */
    static final String HOST = "127.0.0.1";

    String clientEndpoint() {
        return HOST + ":" + clientPort;
    }

    String controllerEndpoint() {
        return HOST + ":" + controllerPort;
    }

    String saslEndpoint() {
        return HOST + ":" + saslPort;
    }

    boolean hasSasl() {
        return saslPort > 0;
    }

    String tlsEndpoint() {
        return HOST + ":" + tlsPort;
    }

    boolean hasTls() {
        return tlsPort > 0;
    }

    boolean hasProxy() {
        return proxiedPort > 0;
    }

    String saslTlsEndpoint() {
        return HOST + ":" + saslTlsPort;
    }

    boolean hasSaslTls() {
        return saslTlsPort > 0;
    }

    /** This node as a {@code controller.quorum.voters} entry: {@code id@host:port}. */
    String voter() {
        return nodeId + "@" + controllerEndpoint();
    }
}
