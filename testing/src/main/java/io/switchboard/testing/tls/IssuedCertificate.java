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

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate with its private key, as {@link CertificateAuthority#issue} made it.
 *
 * @param key   the private key (never shown by {@link #toString()})
 * @param chain the certificate first, then the authority's
 */
public record IssuedCertificate(PrivateKey key, List<X509Certificate> chain) {

    /** @return the certificate itself, the chain's first */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate().getSubjectX500Principal().getName() + ", valid "
                + certificate().getNotBefore().toInstant() + " to " + certificate().getNotAfter().toInstant() + "]";
    }
}
