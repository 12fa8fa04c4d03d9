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
package io.switchboard.embedded.kafka;

import io.switchboard.testing.TestSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The options both builders collect, in one place so that a single node and a cluster are configured
 * the same way. Mutable while a builder fills it; each broker group takes its own {@link #copy()}.
 */
final class BrokerOptions {

    /** Long enough for a first start on a busy 2-core CI machine, short enough to fail a hung build. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]+");

    final Map<String, String> brokerProperties = new LinkedHashMap<>();
    final Map<String, String> saslUsers = new LinkedHashMap<>();
    final Set<String> superUsers = new LinkedHashSet<>();
    Path tlsKeyStore;
    String tlsKeyStorePassword;
    int proxyPort;
    boolean autoCreateTopics = true;
    boolean aclAuthorization;
    Duration timeout = DEFAULT_TIMEOUT;
    /** Where the data directory is created; null for the system's temporary directory. */
    Path dataParent;

    void dataDirectoryIn(Path parent) {
        Objects.requireNonNull(parent, "parent");
        if (!Files.isDirectory(parent)) {
            throw new IllegalArgumentException("the data directory's parent " + parent + " is not a directory;"
                    + " give an existing directory, such as /dev/shm for a broker whose log lives in memory");
        }
        dataParent = parent;
    }

    void brokerProperty(String name, String value) {
        brokerProperties.put(requireText(name, "name"), Objects.requireNonNull(value, "value"));
    }

    void saslPlain(Map<String, String> users) {
        Objects.requireNonNull(users, "users");
        if (users.isEmpty()) {
            throw new IllegalArgumentException("users: give at least one user name and password");
        }
        users.forEach((user, password) -> saslUsers.put(requireUserName(user),
                Objects.requireNonNull(password, () -> "password of user " + user)));
    }

    void tls(Path keyStore, String password) {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
        if (!Files.isReadable(keyStore)) {
            throw new IllegalArgumentException("keyStore: no readable PKCS#12 key store at " + keyStore);
        }
        tlsKeyStore = keyStore.toAbsolutePath();
        tlsKeyStorePassword = password;
    }

    /** Every password this broker will hold, for the whole-suite check that none appears in any output. */
    void registerSecrets() {
        saslUsers.values().forEach(TestSecrets::register);
        if (tlsEnabled()) {
            TestSecrets.register(tlsKeyStorePassword);
        }
    }

    boolean proxied() {
        return proxyPort > 0;
    }

    boolean tlsEnabled() {
        return tlsKeyStore != null;
    }

    void superUser(String user) {
        superUsers.add(requireUserName(user));
    }

    void timeout(Duration value) {
        Objects.requireNonNull(value, "timeout");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + value);
        }
        timeout = value;
    }

    boolean saslEnabled() {
        return !saslUsers.isEmpty();
    }

    BrokerOptions copy() {
        BrokerOptions copy = new BrokerOptions();
        copy.brokerProperties.putAll(brokerProperties);
        copy.saslUsers.putAll(saslUsers);
        copy.superUsers.addAll(superUsers);
        copy.tlsKeyStore = tlsKeyStore;
        copy.tlsKeyStorePassword = tlsKeyStorePassword;
        copy.proxyPort = proxyPort;
        copy.autoCreateTopics = autoCreateTopics;
        copy.aclAuthorization = aclAuthorization;
        copy.timeout = timeout;
        copy.dataParent = dataParent;
        return copy;
    }

    /** The broker reads users from JAAS option names ({@code user_<name>}), which allow no spaces or quotes. */
    private static String requireUserName(String user) {
        requireText(user, "user name");
        if (!USER_NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("user name '" + user + "' may only hold letters, digits and . _ - @");
        }
        return user;
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
