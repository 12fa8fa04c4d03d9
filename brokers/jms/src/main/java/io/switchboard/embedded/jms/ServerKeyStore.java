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
package io.switchboard.embedded.jms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The key store a broker's TLS listener presents.
 *
 * @param path     a PKCS#12 key store with the broker's key and certificate chain
 * @param password its password, also the key's (never shown by {@link #toString()})
 */
record ServerKeyStore(Path path, String password) {

    ServerKeyStore {
        Objects.requireNonNull(path, "keyStore");
        Objects.requireNonNull(password, "password");
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("keyStore: no readable PKCS#12 key store at " + path);
        }
        path = path.toAbsolutePath();
    }

    @Override
    public String toString() {
        return "ServerKeyStore[" + path + ", password hidden]";
    }
}
