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
package io.switchboard.testing.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The material proven with the JDK's own TLS, a client with hostname verification on against a real server. */
class TestTlsTest {

    @TempDir
    static Path directory;
    static TestTls tls;
    static ExecutorService servers;

    @BeforeAll
    static void generate() {
        tls = TestTls.generate(directory);
        servers = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        servers.shutdownNow();
    }

    @Test
    @DisplayName("a client that trusts the CA completes the handshake with the server at the address it names")
    void trustedServerHandshakes() throws Exception {
        assertThat(handshake(tls.server(), tls.trust(), TestTls.HOST)).isEqualTo("TLSv1.3");
    }

    @Test
    @DisplayName("a client with another CA's trust store fails: no certification path")
    void otherTrustFails() {
        assertThatThrownBy(() -> handshake(tls.server(), tls.otherTrust(), TestTls.HOST))
                .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("PKIX path building failed");
    }

    @Test
    @DisplayName("an expired server certificate fails the handshake, and says it expired")
    void expiredFails() {
        assertThatThrownBy(() -> handshake(tls.expiredServer(), tls.trust(), TestTls.HOST))
                .isInstanceOf(SSLHandshakeException.class).rootCause().hasMessageContaining("NotAfter");
    }

    @Test
    @DisplayName("a certificate for another host fails hostname verification, by address and by name")
    void misnamedServerFails() throws Exception {
        assertThatThrownBy(() -> handshake(tls.misnamedServer(), tls.trust(), TestTls.HOST))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("No subject alternative names matching IP address " + TestTls.HOST);
        assertThatThrownBy(() -> handshake(tls.misnamedServer(), tls.trust(), "localhost"))
                .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("No subject alternative DNS name matching localhost");
        assertThat(handshake(tls.server(), tls.trust(), "localhost")).isEqualTo("TLSv1.3");
    }

    @Test
    @DisplayName("the PEM files hold the chain and a PKCS#8 key; no password appears in toString")
    void filesAndToString() throws IOException {
        assertThat(Files.readString(tls.server().certificateChain()).split("BEGIN CERTIFICATE")).hasSize(3);
        assertThat(Files.readString(tls.server().privateKey())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(tls.trust().certificates())).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(tls.server().toString()).doesNotContain(tls.server().password());
        assertThat(tls.trust().toString()).doesNotContain(tls.trust().password());
    }

    private static String handshake(KeyMaterial server, TrustMaterial trust, String host) throws Exception {
        SSLContext serverContext = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(server.keyStore(), server.password()), server.password().toCharArray());
        serverContext.init(keys.getKeyManagers(), null, null);
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0,
                1, java.net.InetAddress.getByName(TestTls.HOST))) {
            Future<?> accepted = servers.submit(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(10_000);
                    socket.startHandshake();
                }
                return null;
            });
            TrustManagerFactory trusted = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trusted.init(load(trust.trustStore(), trust.password()));
            SSLContext clientContext = SSLContext.getInstance("TLS");
            clientContext.init(null, trusted.getTrustManagers(), null);
            try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory().createSocket(host,
                    listener.getLocalPort())) {
                client.setSoTimeout(10_000);
                SSLParameters parameters = client.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(parameters);
                client.startHandshake();
                return client.getSession().getProtocol();
            } finally {
                accepted.cancel(true);
            }
        }
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyMaterial.KEY_STORE_TYPE);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
