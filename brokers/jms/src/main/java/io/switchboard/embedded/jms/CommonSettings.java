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

import io.switchboard.testing.TestSecrets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The options both brokers understand (see {@link EmbeddedJmsBroker.Builder}), as an immutable value.
 *
 * <p>Builders replace their copy on every call; a broker keeps the value it was built with. Equal settings
 * describe equal brokers, which is how {@link EmbeddedJmsExtension} shares one broker between test
 * classes that ask for the same configuration.
 *
 * @param users the users the broker accepts; empty means anonymous access
 * @param sendLimitBytes per-destination limit beyond which sends fail, or {@link #NO_SEND_LIMIT}
 * @param diskSync whether the journal is forced to disk before a persistent send is acknowledged
 * @param tls the key store of a TLS listener beside the plain one, if any
 */
record CommonSettings(List<BrokerUser> users, long sendLimitBytes, boolean diskSync, Optional<ServerKeyStore> tls) {

    static final long NO_SEND_LIMIT = 0;

    /** The brokers' own defaults: anonymous access, no limit, journal synced. */
    static final CommonSettings DEFAULTS = new CommonSettings(List.of(), NO_SEND_LIMIT, true, Optional.empty());

    CommonSettings {
        users = List.copyOf(users);
    }

    CommonSettings withUser(BrokerUser user) {
        if (users.stream().anyMatch(existing -> existing.name().equals(user.name()))) {
            throw new IllegalArgumentException("user '" + user.name() + "' is already defined");
        }
        List<BrokerUser> more = new ArrayList<>(users);
        more.add(user);
        return new CommonSettings(more, sendLimitBytes, diskSync, tls);
    }

    CommonSettings withSendLimit(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("send limit must be positive, was " + bytes);
        }
        return new CommonSettings(users, bytes, diskSync, tls);
    }

    CommonSettings withDiskSync(boolean sync) {
        return new CommonSettings(users, sendLimitBytes, sync, tls);
    }

    CommonSettings withTls(ServerKeyStore keyStore) {
        return new CommonSettings(users, sendLimitBytes, diskSync, Optional.of(keyStore));
    }

    /** Every password the broker will hold, for the whole-suite check that none appears in any output. */
    void registerSecrets() {
        users.forEach(user -> TestSecrets.register(user.password()));
        tls.ifPresent(keyStore -> TestSecrets.register(keyStore.password()));
    }

    boolean authenticationRequired() {
        return !users.isEmpty();
    }

    boolean hasSendLimit() {
        return sendLimitBytes != NO_SEND_LIMIT;
    }

    /** Every user's group, in the order the users were added. */
    Set<String> groups() {
        return users.stream().map(BrokerUser::group).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The destinations some user may not send to; everything else is open to every user. */
    Set<String> destinationsWithDeniedSenders() {
        return users.stream().map(BrokerUser::sendDeniedTo).flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The groups whose users may send to {@code destination}. */
    Set<String> groupsAllowedToSendTo(String destination) {
        return users.stream().filter(user -> user.maySendTo(destination)).map(BrokerUser::group)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
