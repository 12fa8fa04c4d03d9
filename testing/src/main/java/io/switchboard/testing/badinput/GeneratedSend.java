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
package io.switchboard.testing.badinput;

/**
 * One generated send: where to, with which key and header, and how large a value. Any part may be bad.
 *
 * @param destination the destination's name
 * @param key         the key, or null
 * @param headerName  a header's name
 * @param headerValue that header's value
 * @param valueSize   the value's size in bytes
 */
public record GeneratedSend(String destination, String key, String headerName, String headerValue, int valueSize) {

    /** Control characters and unpaired surrogates shown as escapes, so that a failing case prints readably. */
    @Override
    public String toString() {
        return "GeneratedSend[destination=" + escaped(destination) + ", key=" + escaped(key) + ", header="
                + escaped(headerName) + ":" + escaped(headerValue) + ", valueSize=" + valueSize + "]";
    }

    private static String escaped(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> out.append(c < 0x20 || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }
}
