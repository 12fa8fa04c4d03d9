package io.switchboard.kafka;

import io.switchboard.spi.BindingConfig;
import org.apache.kafka.common.KafkaException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of the exceptions Kafka throws while creating a producer. Kafka hides its password-typed
 * settings, but some of its messages quote parts of what they could not parse (a JAAS line's "control flag", say),
 * which may be a password. Every message in the cause chain is searched for the values of the secret keys
 * ({@link BindingConfig#isSecret}) and for each word of those values; a chain that holds one is replaced by a copy
 * with the secrets masked, keeping classes (by name), messages otherwise and stack traces.
 */
final class SecretScrubber {

    private static final String MASK = "****";
    private static final Set<String> JAAS_WORDS = Set.of("required", "requisite", "sufficient", "optional", "username",
            "password", "serviceName");
    private static final Pattern WORDS = Pattern.compile("[^\\s=;\"']+");

    private final List<Pattern> secrets;

    private SecretScrubber(List<Pattern> secrets) {
        this.secrets = secrets;
    }

    /** A scrubber for the secret values among {@code properties} (keys without the binding's prefix). */
    static SecretScrubber of(Map<String, String> properties) {
        Set<String> fragments = new LinkedHashSet<>();
        properties.forEach((key, value) -> {
            if (value != null && !value.isBlank() && BindingConfig.isSecret(key)) {
                fragments.add(value.strip());
                Matcher words = WORDS.matcher(value);
                while (words.find()) {
                    String word = words.group();
                    if (word.length() >= 3 && !JAAS_WORDS.contains(word) && !word.endsWith("LoginModule")) {
                        fragments.add(word);
                    }
                }
            }
        });
        List<Pattern> patterns = new ArrayList<>();
        fragments.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(f -> patterns.add(Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(f) + "(?![A-Za-z0-9])")));
        return new SecretScrubber(List.copyOf(patterns));
    }

    /** The text with every secret masked. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Pattern secret : secrets) {
            out = secret.matcher(out).replaceAll(MASK);
        }
        return out;
    }

    /** {@code error} itself when no message in its chain holds a secret, otherwise a masked copy of the chain. */
    Throwable scrub(Throwable error) {
        if (!leaks(error)) {
            return error;
        }
        Throwable cause = error.getCause() == null || error.getCause() == error ? null : scrub(error.getCause());
        KafkaException copy = new KafkaException(error.getClass().getName() + ": " + scrub(error.getMessage())
                + " [secrets masked by Switchboard]", cause);
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    private boolean leaks(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && !scrub(message).equals(message)) {
                return true;
            }
        }
        return false;
    }
}
