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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A message's headers: an immutable, ordered map of names to string values. Headers are strings so that they
 * survive every broker (Kafka header bytes, Pulsar properties, JMS string properties); one value per name.
 *
 * <p>Names are 1 to {@value #MAX_NAME_LENGTH} characters without white space or control characters; values
 * are any non-null string, including the empty one.
 */
public final class Headers {
    /** The header a serializer's content type travels in, unless the user set it or turned it off. */
    public static final String CONTENT_TYPE = "content-type";
    /** The longest header name accepted. */
    public static final int MAX_NAME_LENGTH = 249;

    private static final Headers EMPTY = new Headers(Map.of());

    private final Map<String, String> entries;

    private Headers(Map<String, String> entries) {
        this.entries = entries;
    }

    /** No headers. */
    public static Headers empty() {
        return EMPTY;
    }

    /** Headers with the entries of {@code map}, in its iteration order, each validated. */
    public static Headers of(Map<String, String> map) {
        if (map == null) {
            throw MessagingException.invalid("headers map is null; expected a map (use Headers.empty() for none)");
        }
        if (map.isEmpty()) {
            return EMPTY;
        }
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        map.forEach((name, value) -> copy.put(validName(name), validValue(name, value)));
        return new Headers(Collections.unmodifiableMap(copy));
    }

    /** One header. */
    public static Headers of(String name, String value) {
        return of(Map.of(validName(name), validValue(name, value)));
    }

    /** These headers plus one more; a name that is already present is an error, not a silent overwrite. */
    public Headers with(String name, String value) {
        validName(name);
        validValue(name, value);
        if (entries.containsKey(name)) {
            throw MessagingException.invalid("header \"" + name + "\" is set twice; headers hold one value per name");
        }
        LinkedHashMap<String, String> copy = new LinkedHashMap<>(entries);
        copy.put(name, value);
        return new Headers(Collections.unmodifiableMap(copy));
    }

    /** These headers plus those of {@code other} whose names are not present here. */
    public Headers withAbsent(Headers other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        LinkedHashMap<String, String> copy = new LinkedHashMap<>(entries);
        other.entries.forEach(copy::putIfAbsent);
        return new Headers(Collections.unmodifiableMap(copy));
    }

    /** The value of a header. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** Whether a header with this name is present. */
    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** The names, in order. */
    public Set<String> names() {
        return entries.keySet();
    }

    /** An unmodifiable view, in order. */
    public Map<String, String> asMap() {
        return entries;
    }

    /** Calls {@code action} for each header in order. */
    public void forEach(BiConsumer<String, String> action) {
        entries.forEach(action);
    }

    /** The number of headers. */
    public int size() {
        return entries.size();
    }

    /** Whether there are no headers. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Headers that && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }

    static String validName(String name) {
        if (name == null || name.isEmpty()) {
            throw MessagingException.invalid("header name is " + (name == null ? "null" : "empty")
                    + "; expected 1 to " + MAX_NAME_LENGTH + " characters without white space");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw MessagingException.invalid("header name \"" + name.substring(0, 20) + "...\" is " + name.length()
                    + " characters long; expected at most " + MAX_NAME_LENGTH);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw MessagingException.invalid("header name \"" + printable(name) + "\" contains "
                        + describe(c) + " at index " + i + "; expected a name without white space or control characters");
            }
        }
        return Utf8Text.requireEncodable("header name", name);
    }

    static String validValue(String name, String value) {
        if (value == null) {
            throw MessagingException.invalid("header \"" + name + "\" has a null value; expected a string (the empty string is allowed)");
        }
        return Utf8Text.requireEncodable("the value of header \"" + name + "\"", value);
    }

    private static String describe(char c) {
        return Character.isISOControl(c) ? String.format("control character U+%04X", (int) c) : "white space";
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
