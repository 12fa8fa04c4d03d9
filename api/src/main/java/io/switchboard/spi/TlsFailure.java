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

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Finds why a TLS connection failed in a client's exception, so that every binding names the TLS cause the same way:
 * an untrusted certificate ({@code PKIX path building failed}), an expired one ({@code validity check failed}), one
 * for another host ({@code No subject alternative names matching ...}). Clients wrap these in their own exceptions,
 * several levels deep; the innermost TLS exception has the TLS layer's own words.
 */
public final class TlsFailure {

    /** What to check, for a message that ends with what the user can do. */
    public static final String ADVICE = "check that the trust store holds the CA that signed the broker's"
            + " certificate, that the certificate is valid now, and that it names the host the client connects to";

    private TlsFailure() {
    }

    /**
     * The innermost TLS failure in {@code error}'s chain of causes and suppressed exceptions.
     *
     * @param error a client's exception
     * @return {@code SimpleClassName: message} of that failure, or empty when nothing in the chain is about TLS
     */
    public static Optional<String> find(Throwable error) {
        Throwable found = innermost(error, 0);
        return found == null ? Optional.empty()
                : Optional.of(found.getClass().getSimpleName() + ": " + found.getMessage());
    }

    /**
     * Like {@link #find}, but only when the TLS layer refused a certificate (untrusted, expired, for another host):
     * a failure that says nothing about reachability. A reset, a closed handshake or a plain port is not one.
     *
     * @param error a client's exception
     * @return the refusal in the TLS layer's words, or empty
     */
    public static Optional<String> certificateRefused(Throwable error) {
        Throwable found = innermost(error, 0);
        boolean certificate = found instanceof CertificateException || found instanceof CertPathValidatorException
                || found instanceof CertPathBuilderException;
        return certificate ? find(error) : Optional.empty();
    }

    private static Throwable innermost(Throwable error, int depth) {
        if (error == null || depth > 20) {
            return null;
        }
        Throwable deeper = error.getCause() == error ? null : innermost(error.getCause(), depth + 1);
        if (deeper == null) {
            for (Throwable suppressed : error.getSuppressed()) {
                deeper = deeper == null ? innermost(suppressed, depth + 1) : deeper;
            }
        }
        if (deeper != null) {
            return deeper;
        }
        return error instanceof SSLException || error instanceof GeneralSecurityException ? error : null;
    }
}
