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
package io.switchboard;

/**
 * Text every broker can hold as it was sent: keys, header names and header values travel as UTF-8, and a string with
 * an unpaired surrogate (half of a character outside the BMP) has no UTF-8 form. An encoder would silently write
 * {@code ?} instead, so the broker would hold something else than the application sent. Such strings are refused
 * when the message is built.
 */
final class Utf8Text {
    private Utf8Text() {
    }

    /**
     * @param what names the field for the error, e.g. {@code message key}
     * @throws MessagingException {@link Reason#INVALID_ARGUMENT} naming the field and the position
     */
    static String requireEncodable(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;   // a whole character outside the BMP
            } else if (Character.isSurrogate(c)) {
                throw MessagingException.invalid(what + " has an unpaired surrogate " + String.format("U+%04X", (int) c)
                        + " at index " + i + "; it has no UTF-8 form, so the broker would hold another text than was"
                        + " sent: pass whole characters (a surrogate pair, or a code point with Character.toChars)");
            }
        }
        return text;
    }
}
