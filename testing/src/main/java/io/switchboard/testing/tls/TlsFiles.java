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

import io.switchboard.testing.TestSecrets;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** Writes certificates and keys to the files brokers and clients read. */
final class TlsFiles {

    private TlsFiles() {
    }

    static KeyMaterial write(IssuedCertificate issued, Path directory, String name) {
        String password = TestSecrets.generate(name + "-keystore");
        registerKeyMaterial(issued);
        try {
            Files.createDirectories(directory);
            KeyStore store = KeyStore.getInstance(KeyMaterial.KEY_STORE_TYPE);
            store.load(null, null);
            store.setKeyEntry("server", issued.key(), password.toCharArray(),
                    issued.chain().toArray(new Certificate[0]));
            Path keyStore = directory.resolve(name + ".p12");
            save(store, keyStore, password);
            Path chain = directory.resolve(name + "-chain.pem");
            pem(chain, issued.chain().toArray());
            Path key = directory.resolve(name + "-key.pem");
            pem(key, new JcaPKCS8Generator(issued.key(), null).generate());
            return new KeyMaterial(keyStore, chain, key, password);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the test key material " + name + " to " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not store the test key " + name, e);
        }
    }

    static TrustMaterial write(X509Certificate authority, Path directory, String name) {
        String password = TestSecrets.generate(name + "-truststore");
        try {
            Files.createDirectories(directory);
            KeyStore store = KeyStore.getInstance(KeyMaterial.KEY_STORE_TYPE);
            store.load(null, null);
            store.setCertificateEntry("ca", authority);
            Path trustStore = directory.resolve(name + ".p12");
            save(store, trustStore, password);
            Path certificates = directory.resolve(name + ".pem");
            pem(certificates, authority);
            return new TrustMaterial(trustStore, certificates, password);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the test trust material " + name + " to " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not store the test trust " + name, e);
        }
    }

    /**
     * A slice from the private part of the key's encoding (past the public modulus, which the certificate shows
     * too): it appears whole in a PEM dump of the key (a PEM line is such a slice, at a multiple of 64) and in a
     * plain Base64 one.
     */
    private static void registerKeyMaterial(IssuedCertificate issued) {
        String encoded = Base64.getEncoder().encodeToString(issued.key().getEncoded());
        TestSecrets.register(encoded.substring(640, 704));
    }

    private static void save(KeyStore store, Path file, String password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }

    private static void pem(Path file, Object... objects) throws IOException {
        List<Object> all = List.of(objects);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (Object object : all) {
                pem.writeObject(object);
            }
        }
    }
}
