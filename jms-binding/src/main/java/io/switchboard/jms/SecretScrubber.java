package io.switchboard.jms;

import io.switchboard.spi.BindingConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of the binding's messages: the values of secret keys ({@code jms.password},
 * {@code jms.jndi.java.naming.security.credentials}, ...) and passwords written into URLs
 * ({@code tcp://host:61616?password=...}, {@code tcp://user:password@host}) are replaced by {@code ****}
 * wherever they appear in text the binding produces (exception messages, {@code toString}, logs).
 */
final class SecretScrubber {
    private static final String MASK = "****";
    /** A password passed as a URL parameter, as both ActiveMQ clients accept it. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(?:password|passwd)=([^&;,)\\s]+)");
    /** The password of user information in a URL: scheme://user:password@host. */
    private static final Pattern URL_USER_INFO = Pattern.compile("://[^/:@\\s]+:([^@/\\s]+)@");

    private final List<String> secrets;

    private SecretScrubber(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A scrubber for the secrets among a binding's properties (keys without the {@code jms.} prefix). */
    static SecretScrubber of(Map<String, String> properties) {
        List<String> found = new ArrayList<>();
        properties.forEach((key, value) -> {
            if (value == null || value.isEmpty()) {
                return;
            }
            if (BindingConfig.isSecret(key)) {
                found.add(value);
            }
            collect(URL_PASSWORD.matcher(value), found);
            collect(URL_USER_INFO.matcher(value), found);
        });
        // longest first, so that a secret containing another is masked whole
        found.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretScrubber(List.copyOf(found));
    }

    private static void collect(Matcher matcher, List<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    /** The text with every known secret masked; null stays null. */
    String scrub(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    /** A throwable's text ({@code Class: message}) with secrets masked. */
    String describe(Throwable error) {
        return scrub(String.valueOf(error));
    }
}
