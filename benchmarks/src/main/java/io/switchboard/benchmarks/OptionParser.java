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
package io.switchboard.benchmarks;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code --name value} arguments of a side-by-side main: checks the names against the ones the main knows, and
 * reads the values (integers may be written with {@code _}); each main keeps its own defaults and checks.
 */
final class OptionParser {
    private final Map<String, String> given;

    private OptionParser(Map<String, String> given) {
        this.given = given;
    }

    /** @param mainName the main whose Javadoc the usage message points to */
    static OptionParser parse(String[] args, String mainName, Set<String> known) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + name + "'; see the Javadoc"
                        + " of " + mainName + " or benchmarks/README.md");
            }
            given.put(name.substring(2), args[++i]);
        }
        for (String name : given.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + new TreeSet<>(known));
            }
        }
        return new OptionParser(given);
    }

    int integer(String name, int fallback) {
        String value = given.get(name);
        return value == null ? fallback : Integer.parseInt(value.strip().replace("_", ""));
    }

    /** The integer given, or null where the option is absent (the client's own default then applies). */
    Integer optionalInteger(String name) {
        return given.containsKey(name) ? integer(name, 0) : null;
    }

    /** The text given, or null. */
    String text(String name) {
        return given.get(name);
    }

    String text(String name, String fallback) {
        return given.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(given.getOrDefault(name, "false"));
    }

    /** Comma-separated percentages ({@code 50,80}); {@code none} for none. */
    int[] percents(String name, String fallback) {
        String text = given.getOrDefault(name, fallback).strip();
        if (text.equals("none")) {
            return new int[0];
        }
        int[] percents = Arrays.stream(text.split(",")).mapToInt(p -> Integer.parseInt(p.strip())).toArray();
        if (Arrays.stream(percents).anyMatch(p -> p < 1 || p > 100)) {
            throw new IllegalArgumentException("--" + name + " takes percentages from 1 to 100, or none; was " + text);
        }
        return percents;
    }

    /** Comma-separated value sizes in bytes. */
    int[] sizes(String fallback) {
        return Arrays.stream(given.getOrDefault("sizes", fallback).split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    }
}
