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

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How header values travel as JMS string properties. Almost every value travels exactly as it is. Two kinds are sent
 * as an RFC 2047 "encoded word", {@code =?UTF-8?B?<base64 of the UTF-8 bytes>?=}, which mail and HTTP libraries
 * already decode:
 * <ul>
 *   <li>a value holding characters outside the Basic Multilingual Plane (emoji, some CJK and historic scripts): the
 *       ActiveMQ Classic client writes string properties in modified UTF-8 and reads them as standard UTF-8, which
 *       turns each such character into two replacement characters, so a value sent as it is would not survive
 *       Classic (it would survive Artemis; one rule for every provider keeps a producer portable);</li>
 *   <li>a value that starts with {@code =?} and ends with {@code ?=}, so that a literal value is never mistaken for an
 *       encoded one.</li>
 * </ul>
 * {@link #decode(String)} turns {@code =?UTF-8?B?...?=} (charset and encoding letters in any case) back and leaves
 * every other value alone; {@code decode(encode(value))} equals {@code value} for every well-formed value. A value with
 * an unpaired surrogate is not text and is sent as it is.
 */
public final class JmsHeaderValues {
    private static final String PREFIX = "=?UTF-8?B?";
    private static final String SUFFIX = "?=";

    private JmsHeaderValues() {
    }

    /**
     * The JMS property value a header value travels as.
     *
     * @param value a header value
     * @return the value itself, or its encoded word
     */
    public static String encode(String value) {
        if (!needsEncoding(value)) {
            return value;
        }
        return PREFIX + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + SUFFIX;
    }

    private static boolean needsEncoding(String value) {
        if (value.startsWith("=?") && value.endsWith(SUFFIX)) {
            return true;
        }
        boolean supplementary = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                supplementary = true;
                i++;
            } else if (Character.isSurrogate(c)) {
                // not well-formed text: UTF-8 cannot carry it, so it goes as it is
                return false;
            }
        }
        return supplementary;
    }

    /**
     * The header value a JMS property value stands for: the public inverse of {@link #encode(String)}, for consumers
     * that read what Switchboard producers sent.
     *
     * @param property a JMS string property value
     * @return the header value
     */
    public static String decode(String property) {
        if (property == null || property.length() < PREFIX.length() + SUFFIX.length()
                || !property.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || !property.endsWith(SUFFIX)) {
            return property;
        }
        String base64 = property.substring(PREFIX.length(), property.length() - SUFFIX.length());
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            // not an encoded word after all: a value some other client wrote
            return property;
        }
    }
}
