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

/**
 * What a client trusts, written to files: one authority's certificate as a PKCS#12 trust store and as PEM.
 *
 * @param trustStore   PKCS#12 trust store holding the authority's certificate under the alias {@code ca}
 * @param certificates PEM file with the authority's certificate
 * @param password     the trust store's password, registered in {@link io.switchboard.testing.TestSecrets}
 *                     (never shown by {@link #toString()})
 */
public record TrustMaterial(Path trustStore, Path certificates, String password) {

    @Override
    public String toString() {
        return "TrustMaterial[" + trustStore + ", password hidden]";
    }
}
