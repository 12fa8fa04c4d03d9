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
package io.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * The one place where every test secret is registered: passwords, tokens, key-store passwords and key material
 * that a test gives to a broker or a binding. A whole-suite check reads all output of the test run afterwards
 * (test output, the brokers' and clients' own logs, reports) and fails if any registered secret appears in it.
 *
 * <p>The registry is a file, one secret per line, named by the {@value #REGISTRY_PROPERTY} system property
 * (the build sets it to {@code target/switchboard-secrets.txt} of each module). Without the property nothing is
 * recorded or checked, as when a test runs in an IDE or in a user's own build of the embedded brokers.
 *
 * <p>A secret must be distinctive to be found: at least {@value #MINIMUM_LENGTH} characters, so that a word such
 * as "secret" does not match every log that mentions the word.
 */
public final class TestSecrets {

    /** The system property that names the registry file. */
    public static final String REGISTRY_PROPERTY = "switchboard.secrets.registry";

    /** The shortest secret the registry takes. */
    public static final int MINIMUM_LENGTH = 12;

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestSecrets() {
    }

    /**
     * Registers a secret and returns it, so that it can be written where it is made.
     *
     * @param secret the secret
     * @return {@code secret}
     * @throws IllegalArgumentException with the registry set, when it is shorter than {@value #MINIMUM_LENGTH}
     *                                  characters or spans lines
     */
    public static String register(String secret) {
        Objects.requireNonNull(secret, "secret");
        String registry = System.getProperty(REGISTRY_PROPERTY);
        if (registry == null || registry.isBlank()) {
            // no whole-suite check in this run (an IDE, a user's own build): nothing to find, nothing to refuse
            return secret;
        }
        if (secret.length() < MINIMUM_LENGTH || secret.isBlank()) {
            throw new IllegalArgumentException("a test secret needs at least " + MINIMUM_LENGTH + " characters to be"
                    + " found in output without false alarms; this one has " + secret.length()
                    + " (use TestSecrets.generate)");
        }
        if (secret.indexOf('\n') >= 0 || secret.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a test secret must be one line; register each line of key material");
        }
        append(Path.of(registry), secret);
        return secret;
    }

    /**
     * A new random secret, registered.
     *
     * @param label what it is for, its first part ({@code "alice-password"}): the label is not secret
     * @return {@code label-} followed by 20 random letters and digits
     */
    public static String generate(String label) {
        Objects.requireNonNull(label, "label");
        StringBuilder secret = new StringBuilder(label).append('-');
        for (int i = 0; i < 20; i++) {
            secret.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return register(secret.toString());
    }

    /**
     * The secrets in a registry file.
     *
     * @param registry a file written by {@link #register}
     * @return its secrets, in the order registered, repeats included
     */
    public static List<String> read(Path registry) {
        try {
            return Files.readAllLines(registry, StandardCharsets.UTF_8).stream().filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the test secret registry " + registry, e);
        }
    }

    /** Several test JVMs of one module may append at once: one short append each is one write. */
    private static synchronized void append(Path registry, String secret) {
        try {
            Path parent = registry.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(registry, secret + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not register a test secret in " + registry
                    + " (" + REGISTRY_PROPERTY + ")", e);
        }
    }
}
