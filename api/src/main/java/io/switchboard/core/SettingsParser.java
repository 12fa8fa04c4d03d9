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
package io.switchboard.core;

import io.switchboard.BufferFullPolicy;
import io.switchboard.Compression;
import io.switchboard.DeliveryGuarantee;
import io.switchboard.MessagingException;
import io.switchboard.PartitionStrategy;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.spi.ClosestName;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.switchboard.ProducerSettings.*;

/**
 * Turns {@code switchboard.*} strings into {@link ProducerSettings}. Collects every problem before failing, so
 * one error lists all bad keys at once, each with what was expected.
 */
public final class SettingsParser {
    private static final AtomicInteger CLIENT_IDS = new AtomicInteger();
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?");

    private final Map<String, String> values;
    private final Map<String, String> origins;
    private final List<String> problems = new ArrayList<>();

    private SettingsParser(Map<String, String> values, Map<String, String> origins) {
        this.values = values;
        this.origins = origins;
    }

    /**
     * Parses the neutral keys.
     *
     * @param neutralKeys keys starting with {@code switchboard.}
     * @param origins     where each key came from ("environment variable X"), for error messages; may be empty
     */
    public static ProducerSettings parse(Map<String, String> neutralKeys, Map<String, String> origins) {
        return new SettingsParser(neutralKeys, origins).parse();
    }

    private ProducerSettings parse() {
        for (String key : values.keySet()) {
            if (!KEYS.contains(key)) {
                problems.add("unknown setting " + describe(key) + suggestion(key));
            }
        }
        String binding = text(BINDING, null);
        String clientId = text(CLIENT_ID, null);
        DeliveryGuarantee guarantee = choice(GUARANTEE, DeliveryGuarantee.class, DeliveryGuarantee.AT_LEAST_ONCE);
        Duration deliveryTimeout = duration(DELIVERY_TIMEOUT, Duration.ofSeconds(30));
        Duration maxBlock = duration(MAX_BLOCK, Duration.ofSeconds(5));
        BufferFullPolicy whenFull = choice(BUFFER_WHEN_FULL, BufferFullPolicy.class, BufferFullPolicy.BLOCK);
        long maxMessages = size(BUFFER_MAX_MESSAGES, 10_000, false);
        long maxBytes = size(BUFFER_MAX_BYTES, 64L << 20, true);
        long maxMessageSize = size(MAX_MESSAGE_SIZE, 1L << 20, true);
        Duration linger = duration(LINGER, null);
        long batchMaxBytes = size(BATCH_MAX_BYTES, -1, true);
        Compression compression = choice(COMPRESSION, Compression.class, Compression.NONE);
        PartitionStrategy partitioner = choice(PARTITIONER, PartitionStrategy.class, PartitionStrategy.NATIVE);
        if (partitioner == PartitionStrategy.CUSTOM) {
            problems.add(describe(PARTITIONER) + " is custom; a custom partitioner is set in code with "
                    + "ProducerBuilder.partitioner(..), so the key takes native or round-robin");
        }
        long retryAttempts = size(RETRY_MAX_ATTEMPTS, 1, false);
        Duration retryBackoff = duration(RETRY_BACKOFF, Duration.ofMillis(100));
        // the default ceiling never sits below a configured first delay
        Duration retryMaxBackoff = duration(RETRY_MAX_BACKOFF, max(Duration.ofSeconds(2), retryBackoff));
        String deadLetter = text(DEAD_LETTER, null);
        Duration closeTimeout = duration(CLOSE_TIMEOUT, Duration.ofSeconds(30));
        boolean contentType = bool(CONTENT_TYPE_HEADER, true);

        failIfProblems();
        try {
            return new ProducerSettings(binding, clientId != null ? clientId : "switchboard-" + CLIENT_IDS.incrementAndGet(),
                    guarantee, deliveryTimeout, maxBlock, whenFull, toInt(BUFFER_MAX_MESSAGES, maxMessages), maxBytes,
                    toInt(MAX_MESSAGE_SIZE, maxMessageSize), linger,
                    batchMaxBytes < 0 ? null : toInt(BATCH_MAX_BYTES, batchMaxBytes), compression, partitioner,
                    toInt(RETRY_MAX_ATTEMPTS, retryAttempts), retryBackoff, retryMaxBackoff, deadLetter, closeTimeout,
                    contentType);
        } catch (MessagingException e) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "invalid Switchboard settings: " + e.getMessage());
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void failIfProblems() {
        if (problems.size() == 1) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "invalid Switchboard settings: " + problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "invalid Switchboard settings:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    private String text(String key, String fallback) {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        String value = raw.strip();
        if (value.isEmpty()) {
            problems.add(describe(key) + " is empty; remove it to use the default or give a value");
            return fallback;
        }
        return value;
    }

    private <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        String constant = value.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(constant)) {
                return candidate;
            }
        }
        problems.add(describe(key) + " is '" + value + "'; expected one of " + Arrays.stream(type.getEnumConstants())
                .map(SettingsParser::spelled).collect(Collectors.joining(", ")));
        return fallback;
    }

    private Duration duration(String key, Duration fallback) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        Duration parsed = parseDuration(value);
        if (parsed == null) {
            problems.add(describe(key) + " is '" + value + "'; expected a duration with a unit, such as 500ms, 30s, "
                    + "2m, 1h, or ISO-8601 such as PT30S");
            return fallback;
        }
        return parsed;
    }

    /** Parses {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 1d}, {@code 0} or ISO-8601; null if malformed. */
    public static Duration parseDuration(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION.matcher(v);
        if (m.matches()) {
            try {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }
        if (v.startsWith("p")) {
            try {
                return Duration.parse(value.strip());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** Sizes take an optional unit (B, KB/KiB, MB/MiB, GB/GiB; all powers of 1024); counts take none. */
    private long size(String key, long fallback, boolean withUnit) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        Matcher m = SIZE.matcher(value.toLowerCase(Locale.ROOT));
        if (m.matches() && (withUnit || m.group(2) == null)) {
            try {
                long n = Long.parseLong(m.group(1));
                int shift = m.group(2) == null ? 0 : switch (m.group(2)) {
                    case "kb", "kib" -> 10;
                    case "mb", "mib" -> 20;
                    case "gb", "gib" -> 30;
                    default -> 0;
                };
                if (n <= (Long.MAX_VALUE >> shift)) {
                    return n << shift;
                }
            } catch (NumberFormatException e) {
                // falls through to the problem below
            }
        }
        problems.add(describe(key) + " is '" + value + "'; expected " + (withUnit
                ? "a size in bytes such as 1048576, 512KiB or 64MiB" : "a whole number such as 1000"));
        return fallback;
    }

    private boolean bool(String key, boolean fallback) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        problems.add(describe(key) + " is '" + value + "'; expected true or false");
        return fallback;
    }

    private int toInt(String key, long value) {
        if (value > Integer.MAX_VALUE) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "invalid Switchboard settings: " + describe(key)
                    + " is " + value + "; expected at most " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    private String describe(String key) {
        String origin = origins.get(key);
        return "'" + key + "'" + (origin == null ? "" : " (from " + origin + ")");
    }

    private static String spelled(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String suggestion(String key) {
        return ClosestName.among(key, KEYS).map(best -> "; did you mean '" + best + "'?")
                .orElse("; the known keys are " + String.join(", ", KEYS));
    }
}
