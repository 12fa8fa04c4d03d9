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
package io.switchboard.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TlsFailureTest {

    @Test
    @DisplayName("the innermost TLS exception of a wrapped chain is found, in its own words")
    void innermostTlsCause() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path validation failed");
        handshake.initCause(new CertPathValidatorException("validity check failed"));
        Exception wrapped = new IllegalStateException("Failed to create session factory",
                new IOException("connection failed", handshake));

        assertThat(TlsFailure.find(wrapped)).hasValue("CertPathValidatorException: validity check failed");
        assertThat(TlsFailure.certificateRefused(wrapped)).hasValue("CertPathValidatorException: validity check failed");
    }

    @Test
    @DisplayName("a handshake the peer ended is a TLS failure, but no certificate refusal")
    void closedHandshakeIsNoRefusal() {
        SSLHandshakeException closed = new SSLHandshakeException("Remote host terminated the handshake");
        closed.initCause(new java.io.EOFException("SSL peer shut down incorrectly"));
        assertThat(TlsFailure.find(closed)).hasValue("SSLHandshakeException: Remote host terminated the handshake");
        assertThat(TlsFailure.certificateRefused(closed)).isEmpty();
    }

    @Test
    @DisplayName("a TLS exception among the suppressed ones counts; a chain without one gives nothing")
    void suppressedAndAbsent() {
        Exception closed = new IOException("Connection or outbound has closed");
        assertThat(TlsFailure.find(closed)).isEmpty();
        closed.addSuppressed(new CertificateException("No name matching localhost found"));
        assertThat(TlsFailure.find(closed)).hasValue("CertificateException: No name matching localhost found");
    }
}
