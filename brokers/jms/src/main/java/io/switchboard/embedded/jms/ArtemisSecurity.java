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

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The users of {@link CommonSettings} as Artemis security: an in-memory JAAS login module and one role
 * per user.
 *
 * <p>Artemis applies only the most specific matching security setting, so a destination some user may not
 * send to gets a setting of its own that repeats every other permission, next to the {@code #} setting
 * that grants everything to everyone.
 */
final class ArtemisSecurity {

    /** Artemis' match for every address. */
    private static final String EVERY_ADDRESS = "#";

    private ArtemisSecurity() {
    }

    /** Turns security on, with the permissions of {@code settings}, or leaves it off for anonymous access. */
    static void configure(Configuration configuration, CommonSettings settings) {
        configuration.setSecurityEnabled(settings.authenticationRequired());
        if (!settings.authenticationRequired()) {
            return;
        }
        configuration.putSecurityRoles(EVERY_ADDRESS, roles(settings.groups(), settings.groups()));
        for (String destination : settings.destinationsWithDeniedSenders()) {
            configuration.putSecurityRoles(destination, roles(settings.groups(), settings.groupsAllowedToSendTo(destination)));
        }
    }

    /** The security manager that authenticates {@code settings}' users; unused while security is off. */
    static ActiveMQSecurityManager securityManager(CommonSettings settings) {
        SecurityConfiguration users = new SecurityConfiguration();
        for (BrokerUser user : settings.users()) {
            users.addUser(user.name(), user.password());
            users.addRole(user.name(), user.group());
        }
        return new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users);
    }

    private static Set<Role> roles(Set<String> groups, Set<String> mayPublish) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String group : groups) {
            boolean send = mayPublish.contains(group);
            roles.add(new Role(group, send, true, true, true, true, true, false, true, true, true, false, false));
        }
        return roles;
    }
}
