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
