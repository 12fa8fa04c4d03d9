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
 * issued for the loopback, an expired one, one for another host, and the trust of a second, unrelated CA.
 *
 * <p>The loopback certificates name both {@value #HOST} and {@code localhost}: some clients (Pulsar's) verify the
 * name they find by a reverse lookup of the address. A hostname mismatch is a broker that presents
 * {@link #misnamedServer()}, which names {@value #OTHER_HOST} only.
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

    /** The only host {@link #misnamedServer()} names: not this machine. */
    public static final String OTHER_HOST = "broker.switchboard.invalid";

    private final KeyMaterial server;
    private final KeyMaterial expiredServer;
    private final KeyMaterial misnamedServer;
    private final TrustMaterial trust;
    private final TrustMaterial otherTrust;

    private TestTls(KeyMaterial server, KeyMaterial expiredServer, KeyMaterial misnamedServer, TrustMaterial trust,
            TrustMaterial otherTrust) {
        this.server = server;
        this.expiredServer = expiredServer;
        this.misnamedServer = misnamedServer;
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
        List<String> loopback = List.of(HOST, "localhost");
        IssuedCertificate valid = authority.issue("switchboard-test-broker", loopback,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        IssuedCertificate expired = authority.issue("switchboard-expired-broker", loopback,
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        IssuedCertificate misnamed = authority.issue("switchboard-other-broker", List.of(OTHER_HOST),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        return new TestTls(TlsFiles.write(valid, directory, "server"),
                TlsFiles.write(expired, directory, "expired-server"),
                TlsFiles.write(misnamed, directory, "misnamed-server"),
                TlsFiles.write(authority.certificate(), directory, "truststore"),
                TlsFiles.write(stranger.certificate(), directory, "other-truststore"));
    }

    /** @return a server certificate for {@value #HOST} and localhost, valid now, issued by the CA of {@link #trust()} */
    public KeyMaterial server() {
        return server;
    }

    /** @return like {@link #server()}, but its validity ended a day ago */
    public KeyMaterial expiredServer() {
        return expiredServer;
    }

    /** @return like {@link #server()}, but for {@value #OTHER_HOST} only: a hostname mismatch on this machine */
    public KeyMaterial misnamedServer() {
        return misnamedServer;
    }

    /** @return the trust in the CA that issued the server certificates */
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
