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
package io.switchboard.pulsar;

import io.switchboard.spi.TlsFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * One TLS handshake with the broker, with the trust the client was given, to say why a producer does not open.
 * Pulsar's client meets a refused certificate (untrusted, expired, for another host) on every connection attempt,
 * logs it and tries again until its operation timeout, so the application would learn only that the producer did
 * not open in time. This probe asks the TLS layer itself, once, when an open takes long.
 *
 * @param host               the first broker of the service URL
 * @param port               its TLS port
 * @param trust              the client's trust settings (Pulsar's keys, without the prefix)
 * @param verifyHostname     whether the client verifies the broker's name
 */
record TlsProbe(String host, int port, Map<String, Object> trust, boolean verifyHostname) {

    /** The probe of a client configuration, or empty when the client does not use TLS or trusts any certificate. */
    static Optional<TlsProbe> of(Map<String, Object> client) {
        Object serviceUrl = client.get("serviceUrl");
        if (serviceUrl == null || !serviceUrl.toString().strip().startsWith("pulsar+ssl://")
                || isTrue(client.get("tlsAllowInsecureConnection")) || presentsCertificate(client)) {
            return Optional.empty();
        }
        String first = serviceUrl.toString().strip().substring("pulsar+ssl://".length()).split("[,/]")[0];
        try {
            URI address = URI.create("pulsar+ssl://" + first);
            if (address.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(new TlsProbe(address.getHost(), address.getPort() < 0 ? 6651 : address.getPort(),
                    client, isTrue(client.get("tlsHostnameVerificationEnable"))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Connects and shakes hands once.
     *
     * @param bound how long the connection and the handshake may take together, at most
     * @return the TLS layer's words when it refused the broker's certificate; empty when the handshake worked, or
     *         failed for another reason (a broker that is down or restarting, a reset: Pulsar's to wait for)
     */
    Optional<String> refusal(Duration bound) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bound.toMillis()));
        try (SSLSocket socket = (SSLSocket) context().getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            if (verifyHostname) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
            }
            socket.startHandshake();
            return Optional.empty();
        } catch (IOException | GeneralSecurityException e) {
            return TlsFailure.certificateRefused(e);
        }
    }

    private SSLContext context() throws IOException, GeneralSecurityException {
        TrustManagerFactory trusted = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusted.init(trustStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trusted.getTrustManagers(), null);
        return context;
    }

    /** The client's trust store (key store TLS), its trusted certificates file, or the JVM's default (null). */
    private KeyStore trustStore() throws IOException, GeneralSecurityException {
        Object storePath = trust.get("tlsTrustStorePath");
        if (isTrue(trust.get("useKeyStoreTls")) && storePath != null && !storePath.toString().isBlank()) {
            Object type = trust.getOrDefault("tlsTrustStoreType", "JKS");
            Object password = trust.get("tlsTrustStorePassword");
            KeyStore store = KeyStore.getInstance(type.toString());
            try (InputStream in = Files.newInputStream(Path.of(storePath.toString()))) {
                store.load(in, password == null ? null : password.toString().toCharArray());
            }
            return store;
        }
        Object certificates = trust.get("tlsTrustCertsFilePath");
        if (certificates == null || certificates.toString().isBlank()) {
            return null;
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(Path.of(certificates.toString()))) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
        }
        return store;
    }

    /** A client with a certificate of its own (mutual TLS): a probe without it would be refused for that. */
    private static boolean presentsCertificate(Map<String, Object> client) {
        Object plugin = client.get("authPluginClassName");
        return client.get("tlsCertificateFilePath") != null || client.get("tlsKeyStorePath") != null
                || plugin != null && plugin.toString().contains("Tls");
    }

    private static boolean isTrue(Object value) {
        return value != null && Boolean.parseBoolean(value.toString().strip());
    }

    @Override
    public String toString() {
        return "TlsProbe[" + host + ":" + port + "]";
    }
}
