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
 * A server's certificate and key written to files, in the two forms brokers read: a PKCS#12 key store (Kafka,
 * ActiveMQ, Artemis) and PEM files (Pulsar).
 *
 * @param keyStore         PKCS#12 key store holding the key and its chain under the alias {@code server}
 * @param certificateChain PEM file with the certificate, then the authority's
 * @param privateKey       PEM file with the unencrypted PKCS#8 private key
 * @param password         the key store's password, registered in {@link io.switchboard.testing.TestSecrets}
 *                         (never shown by {@link #toString()})
 */
public record KeyMaterial(Path keyStore, Path certificateChain, Path privateKey, String password) {

    /** The key store type every file here has. */
    public static final String KEY_STORE_TYPE = "PKCS12";

    @Override
    public String toString() {
        return "KeyMaterial[" + keyStore + ", password hidden]";
    }
}
