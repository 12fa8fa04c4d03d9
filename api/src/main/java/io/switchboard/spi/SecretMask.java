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
package io.switchboard.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a binding's secrets out of the text it produces: exception messages (its own and its client's), logs and
 * {@code toString}. It knows the values of the secret keys ({@link BindingConfig#isSecret}), the words of those
 * values (a JAAS line's password, which a client may quote back), and passwords written into URLs
 * ({@code tcp://h?password=..}, {@code amqp://user:..@h}); each is replaced by {@code ****}.
 */
public final class SecretMask {
    private static final String MASK = "****";
    private static final Set<String> JAAS_WORDS = Set.of("required", "requisite", "sufficient", "optional", "username",
            "password", "serviceName");
    private static final Pattern WORDS = Pattern.compile("[^\\s=;\"']+");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(?:password|passwd|pwd)=([^&;,)\\s]+)");
    private static final Pattern URL_USER_INFO = Pattern.compile("://[^/:@\\s]+:([^@/\\s]+)@");

    private final List<Pattern> secrets;

    private SecretMask(List<Pattern> secrets) {
        this.secrets = secrets;
    }

    /** A mask for the secrets among a binding's properties (keys without the binding's prefix). */
    public static SecretMask of(Map<String, String> properties) {
        Set<String> fragments = new LinkedHashSet<>();
        properties.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            if (BindingConfig.isSecret(key)) {
                fragments.add(value.strip());
                Matcher words = WORDS.matcher(value);
                while (words.find()) {
                    String word = words.group();
                    if (word.length() >= 3 && !JAAS_WORDS.contains(word) && !word.endsWith("LoginModule")) {
                        fragments.add(word);
                    }
                }
            }
            collect(URL_PASSWORD.matcher(value), fragments);
            collect(URL_USER_INFO.matcher(value), fragments);
        });
        List<Pattern> patterns = new ArrayList<>();
        // longest first, so that a secret containing another is masked whole
        fragments.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(f -> patterns.add(Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(f) + "(?![A-Za-z0-9])")));
        return new SecretMask(List.copyOf(patterns));
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    /** The text with every known secret masked; null stays null. */
    public String scrub(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (Pattern secret : secrets) {
            out = secret.matcher(out).replaceAll(MASK);
        }
        return out;
    }

    /** A throwable's text ({@code Class: message}) with secrets masked. */
    public String describe(Throwable error) {
        return scrub(String.valueOf(error));
    }

    /**
     * {@code error} itself when no message in its chain holds a secret; otherwise a copy of the chain with the
     * secrets masked, keeping each class's name in the message and each stack trace.
     */
    public Throwable scrub(Throwable error) {
        if (!leaks(error)) {
            return error;
        }
        Throwable cause = error.getCause() == null || error.getCause() == error ? null : scrub(error.getCause());
        MaskedException copy = new MaskedException(error.getClass().getName() + ": " + scrub(error.getMessage())
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

    /** A client's exception whose message held a secret, copied with the secret masked. */
    public static final class MaskedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MaskedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
