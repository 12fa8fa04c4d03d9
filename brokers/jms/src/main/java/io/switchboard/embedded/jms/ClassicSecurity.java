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

import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.command.ActiveMQDestination;
import org.apache.activemq.security.AuthorizationMap;
import org.apache.activemq.security.AuthorizationPlugin;
import org.apache.activemq.security.SimpleAuthenticationBroker;

import java.security.Principal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The users of {@link CommonSettings} as ActiveMQ Classic broker plugins: authentication, and an
 * authorization that withholds only the denied sends.
 *
 * <p>Classic's own {@code DefaultAuthorizationMap} cannot express "everything except sending to one
 * destination": it grants the union of every matching entry, so a {@code >} entry that lets a user
 * write anywhere also lets it write to the one destination. Hence a map of our own. Its group principals
 * are our own too: {@code SimpleAuthenticationPlugin} would build Classic's {@code GroupPrincipal}, which
 * lives in the optional {@code activemq-jaas} artifact, and that is not published for every 6.x release.
 */
final class ClassicSecurity {

    private ClassicSecurity() {
    }

    /** The plugins that enforce {@code settings}' users, or none for anonymous access. */
    static BrokerPlugin[] plugins(CommonSettings settings) {
        if (!settings.authenticationRequired()) {
            return new BrokerPlugin[0];
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        Map<String, Set<Principal>> groups = new LinkedHashMap<>();
        for (BrokerUser user : settings.users()) {
            passwords.put(user.name(), user.password());
            groups.put(user.name(), Set.of(new Group(user.group())));
        }
        BrokerPlugin authentication = broker -> new SimpleAuthenticationBroker(broker, passwords, groups);
        if (settings.destinationsWithDeniedSenders().isEmpty()) {
            return new BrokerPlugin[] {authentication};
        }
        return new BrokerPlugin[] {authentication, new AuthorizationPlugin(new SendDenyingAuthorizationMap(settings))};
    }

    /** A group of users, compared by name as Classic compares the principals of a connection with an ACL. */
    private record Group(String name) implements Principal {
        @Override
        public String getName() {
            return name;
        }
    }

    /** Every user may do everything, except send to the destinations it is denied. */
    private static final class SendDenyingAuthorizationMap implements AuthorizationMap {

        private final Set<Group> everyone;
        private final Map<String, Set<Group>> sendersByRestrictedDestination = new LinkedHashMap<>();

        SendDenyingAuthorizationMap(CommonSettings settings) {
            everyone = toGroups(settings.groups());
            for (String destination : settings.destinationsWithDeniedSenders()) {
                sendersByRestrictedDestination.put(destination, toGroups(settings.groupsAllowedToSendTo(destination)));
            }
        }

        private static Set<Group> toGroups(Set<String> names) {
            return names.stream().map(Group::new).collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public Set<?> getWriteACLs(ActiveMQDestination destination) {
            if (destination.isComposite()) {
                // a composite send reaches every member, so only those allowed on all of them may send
                Set<Group> allowed = new HashSet<>(everyone);
                Arrays.stream(destination.getCompositeDestinations()).map(this::getWriteACLs).forEach(allowed::retainAll);
                return allowed;
            }
            // queue and topic of the same name alike: the option names a destination, not a kind
            return sendersByRestrictedDestination.getOrDefault(destination.getPhysicalName(), everyone);
        }

        @Override
        public Set<?> getReadACLs(ActiveMQDestination destination) {
            return everyone;
        }

        @Override
        public Set<?> getAdminACLs(ActiveMQDestination destination) {
            return everyone;
        }

        @Override
        public Set<?> getTempDestinationAdminACLs() {
            return everyone;
        }

        @Override
        public Set<?> getTempDestinationReadACLs() {
            return everyone;
        }

        @Override
        public Set<?> getTempDestinationWriteACLs() {
            return everyone;
        }
    }
}
