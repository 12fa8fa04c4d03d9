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

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The TLS material a test of a broker over TLS needs, generated for the run: a CA, a server certificate it
 * issued, an expired one, and the trust of a second, unrelated CA.
 *
 * <p>The certificates name the loopback address {@value #HOST} only. A client that connects by the name
 * {@value #UNNAMED_HOST} reaches the same broker, but the certificate does not name it: that is how a test meets a
 * hostname mismatch without a second broker.
 *
 * <pre>{@code
 * TestTls tls = TestTls.generate(directory);
 * broker.tls(tls.server().keyStore(), tls.server().password());
 * client.trustStore(tls.trust().trustStore(), tls.trust().password());
 * }</pre>
 */
public final class TestTls {

    /** The host every certificate here names: brokers advertise it, clients connect to it. */
    public static final String HOST = "127.0.0.1";

    /** The same loopback by a name that no certificate here carries. */
    public static final String UNNAMED_HOST = "localhost";

    private final KeyMaterial server;
    private final KeyMaterial expiredServer;
    private final TrustMaterial trust;
    private final TrustMaterial otherTrust;

    private TestTls(KeyMaterial server, KeyMaterial expiredServer, TrustMaterial trust, TrustMaterial otherTrust) {
        this.server = server;
        this.expiredServer = expiredServer;
        this.trust = trust;
        this.otherTrust = otherTrust;
    }

    /**
     * Makes two CAs and the certificates, and writes them all to a directory.
     *
     * @param directory where the files go (created when missing)
     * @return the material
     */
    public static TestTls generate(Path directory) {
        Objects.requireNonNull(directory, "directory");
        CertificateAuthority authority = CertificateAuthority.create("Switchboard test CA");
        CertificateAuthority stranger = CertificateAuthority.create("Switchboard unrelated CA");
        Instant now = Instant.now();
        IssuedCertificate valid = authority.issue("switchboard-test-broker", List.of(HOST),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        IssuedCertificate expired = authority.issue("switchboard-expired-broker", List.of(HOST),
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        return new TestTls(TlsFiles.write(valid, directory, "server"),
                TlsFiles.write(expired, directory, "expired-server"),
                TlsFiles.write(authority.certificate(), directory, "truststore"),
                TlsFiles.write(stranger.certificate(), directory, "other-truststore"));
    }

    /** @return a server certificate for {@value #HOST}, valid now, issued by the CA of {@link #trust()} */
    public KeyMaterial server() {
        return server;
    }

    /** @return like {@link #server()}, but its validity ended a day ago */
    public KeyMaterial expiredServer() {
        return expiredServer;
    }

    /** @return the trust in the CA that issued both server certificates */
    public TrustMaterial trust() {
        return trust;
    }

    /** @return the trust in another CA, which issued nothing here: a wrong trust store */
    public TrustMaterial otherTrust() {
        return otherTrust;
    }

    @Override
    public String toString() {
        return "TestTls[" + server.keyStore().getParent() + "]";
    }
}
