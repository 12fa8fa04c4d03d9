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

import java.util.Map;

/**
 * JAAS text for the PLAIN mechanism, on both sides. Kafka reads user names and passwords from a JAAS
 * line, so values are quoted and escaped here once rather than wherever a test builds a login.
 */
final class SaslPlain {

    static final String MECHANISM = "PLAIN";
    private static final String LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";

    private SaslPlain() {
    }

    /** The broker side: one {@code user_<name>="<password>"} option per user. */
    static String serverJaasConfig(Map<String, String> users) {
        StringBuilder jaas = new StringBuilder(LOGIN_MODULE).append(" required");
        users.forEach((user, password) -> jaas.append(" user_").append(user).append('=').append(quoted(password)));
        return jaas.append(';').toString();
    }

    /** The client side: the login a producer, consumer or admin client presents. */
    static String clientJaasConfig(String user, String password) {
        return LOGIN_MODULE + " required username=" + quoted(user) + " password=" + quoted(password) + ";";
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
