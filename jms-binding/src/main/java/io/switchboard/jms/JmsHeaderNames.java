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
package io.switchboard.jms;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How Switchboard header names become JMS property names and back. JMS property names must be Java identifiers
 * (and selector identifiers), so {@code content-type} or {@code tenant.id} cannot be used as they are. The rule
 * extends the {@code _DOT_} / {@code _HYPHEN_} convention JMS users know (Camel, Spring) so that every name
 * comes back exactly, including names that contain those words themselves.
 *
 * <p><b>Encoding</b>, code point by code point, left to right:
 * <ul>
 *   <li>{@code .} becomes {@code _DOT_} and {@code -} becomes {@code _HYPHEN_};</li>
 *   <li>any other code point that Java does not allow at its place in an identifier (a digit at the start;
 *       symbols such as {@code :}, {@code /}, {@code +} or {@code @}; emoji; characters Java ignores in
 *       identifiers) becomes {@code _uXXXX_} for each of its UTF-16 units, with four upper-case hexadecimal
 *       digits: {@code 1st} becomes {@code _u0031_st}, {@code a:b} becomes {@code a_u003A_b};</li>
 *   <li>an underscore stays an underscore, unless what follows it would read as one of the escapes above; then
 *       it becomes {@code _u005F_}. So the literal name {@code a_DOT_b} is sent as {@code a_u005F_DOT_b}, and
 *       {@code under_score} is sent unchanged;</li>
 *   <li>everything else (letters of any script, digits after the start, {@code _}, {@code $}) stays as it is.</li>
 * </ul>
 *
 * <p><b>Decoding</b> reads left to right and replaces every {@code _DOT_}, {@code _HYPHEN_} and {@code _uXXXX_}
 * (upper-case hexadecimal) by the character it stands for; everything else stays. {@code decode(encode(name))}
 * equals {@code name} for every header name. Properties written by other JMS clients decode by the same rule.
 *
 * <p><b>Refused names.</b> A header whose name starts with {@code JMS} (JMS reserves {@code JMSX*} and
 * {@code JMS_*} for itself and its providers, and {@code JMS*} for header fields), or that is one of the message
 * selector's reserved words {@code NULL TRUE FALSE NOT AND OR BETWEEN LIKE IN IS ESCAPE} in any case, cannot be a
 * JMS property; sending it fails with {@link io.switchboard.Reason#INVALID_ARGUMENT} naming the header.
 *
 * <p>Values have a rule of their own: {@link JmsHeaderValues}.
 */
public final class JmsHeaderNames {
    /** Selector keywords, which JMS forbids as property names (compared ignoring case). */
    private static final List<String> SELECTOR_KEYWORDS = List.of("NULL", "TRUE", "FALSE", "NOT", "AND", "OR",
            "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");
    private static final String DOT = "_DOT_";
    private static final String HYPHEN = "_HYPHEN_";
    private static final String UNIT_ESCAPE_START = "_u";
    private static final int UNIT_ESCAPE_LENGTH = 7; // _uXXXX_

    private JmsHeaderNames() {
    }

    /**
     * The JMS property name a header travels under.
     *
     * @param header a valid Switchboard header name
     * @return a legal JMS identifier that {@link #decode(String)} turns back into {@code header}
     */
    public static String encode(String header) {
        // right to left, so that each underscore can see what the rest of the name became
        StringBuilder encoded = new StringBuilder(header.length() + 8);
        int end = header.length();
        while (end > 0) {
            int codePoint = header.codePointBefore(end);
            int start = end - Character.charCount(codePoint);
            encoded.insert(0, piece(codePoint, start, encoded));
            end = start;
        }
        return encoded.toString();
    }

    private static String piece(int codePoint, int index, CharSequence encodedRest) {
        if (codePoint == '.') {
            return DOT;
        }
        if (codePoint == '-') {
            return HYPHEN;
        }
        if (codePoint == '_') {
            return escapeAt(encodedRest) ? unitEscape('_') : "_";
        }
        boolean allowed = index == 0 ? Character.isJavaIdentifierStart(codePoint)
                : Character.isJavaIdentifierPart(codePoint);
        if (allowed && !Character.isIdentifierIgnorable(codePoint)) {
            return new String(Character.toChars(codePoint));
        }
        StringBuilder escaped = new StringBuilder(UNIT_ESCAPE_LENGTH * 2);
        for (char unit : Character.toChars(codePoint)) {
            escaped.append(unitEscape(unit));
        }
        return escaped.toString();
    }

    /** Whether an underscore followed by {@code rest} would be read as the start of an escape. */
    private static boolean escapeAt(CharSequence rest) {
        String candidate = "_" + rest.subSequence(0, Math.min(rest.length(), HYPHEN.length()));
        return escapeLength(candidate, 0) > 0;
    }

    private static String unitEscape(char unit) {
        return String.format(Locale.ROOT, "_u%04X_", (int) unit);
    }

    /**
     * The header name a JMS property name stands for: the public inverse of {@link #encode(String)}, for
     * consumers that read what Switchboard producers sent.
     *
     * @param property a JMS property name
     * @return the header name
     */
    public static String decode(String property) {
        if (property.indexOf('_') < 0) {
            return property;
        }
        StringBuilder out = new StringBuilder(property.length());
        int i = 0;
        while (i < property.length()) {
            int length = property.charAt(i) == '_' ? escapeLength(property, i) : 0;
            if (length == 0) {
                out.append(property.charAt(i));
                i++;
            } else {
                out.append(unescape(property, i, length));
                i += length;
            }
        }
        return out.toString();
    }

    /** The length of the escape starting at {@code at}, or 0 if none starts there. */
    private static int escapeLength(CharSequence text, int at) {
        if (startsWith(text, at, DOT)) {
            return DOT.length();
        }
        if (startsWith(text, at, HYPHEN)) {
            return HYPHEN.length();
        }
        if (startsWith(text, at, UNIT_ESCAPE_START) && at + UNIT_ESCAPE_LENGTH <= text.length()
                && text.charAt(at + UNIT_ESCAPE_LENGTH - 1) == '_') {
            for (int i = at + 2; i < at + 6; i++) {
                if (!isUpperHex(text.charAt(i))) {
                    return 0;
                }
            }
            return UNIT_ESCAPE_LENGTH;
        }
        return 0;
    }

    private static char unescape(String text, int at, int length) {
        if (length == DOT.length() && startsWith(text, at, DOT)) {
            return '.';
        }
        if (length == HYPHEN.length() && startsWith(text, at, HYPHEN)) {
            return '-';
        }
        return (char) Integer.parseInt(text.substring(at + 2, at + 6), 16);
    }

    private static boolean startsWith(CharSequence text, int at, String prefix) {
        if (at + prefix.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpperHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }

    /**
     * Why a header cannot travel as a JMS property, if it cannot.
     *
     * @param header a valid Switchboard header name
     * @return the rule it breaks, ready to follow "header \"x\" ", or empty when it may be sent
     */
    public static Optional<String> refusal(String header) {
        if (header.startsWith("JMS")) {
            return Optional.of("starts with \"JMS\": JMS reserves JMSX* and JMS_* property names for itself and its"
                    + " providers and JMS* for its header fields; rename the header");
        }
        if (SELECTOR_KEYWORDS.contains(header.toUpperCase(Locale.ROOT))) {
            return Optional.of("is a reserved word of JMS message selectors (" + String.join(" ", SELECTOR_KEYWORDS)
                    + "), which JMS forbids as a property name; rename the header");
        }
        return Optional.empty();
    }
}
