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
package io.switchboard.cli.produce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns an input line into a message: as text, the value, or with a key delimiter ({@code -K:}) the key before its
 * first occurrence and the value after; as JSON ({@code --format json}), an object with {@code value} and optional
 * {@code key} and {@code headers}, one per line.
 */
final class LineParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputFormat format;
    private final String keyDelimiter;

    LineParser(InputFormat format, String keyDelimiter) {
        this.format = format;
        this.keyDelimiter = keyDelimiter;
    }

    /**
     * @throws BadLineException naming what is wrong with the line
     */
    InputRecord parse(long number, String line) {
        return format == InputFormat.JSON ? json(number, line) : text(number, line);
    }

    private InputRecord text(long number, String line) {
        if (keyDelimiter == null) {
            return new InputRecord(number, null, line, Map.of());
        }
        int at = line.indexOf(keyDelimiter);
        if (at < 0) {
            throw new BadLineException(number, "has no key delimiter '" + keyDelimiter + "' (expected key"
                    + keyDelimiter + "value)");
        }
        return new InputRecord(number, line.substring(0, at), line.substring(at + keyDelimiter.length()), Map.of());
    }

    private InputRecord json(long number, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadLineException(number, "is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadLineException(number, "is not a JSON object; expected {\"key\": ..., \"value\": ..., \"headers\": {...}}");
        }
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) {
            throw new BadLineException(number, "has no \"value\"");
        }
        JsonNode key = node.get("key");
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode given = node.get("headers");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                throw new BadLineException(number, "has \"headers\" that are not an object of names to text");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                headers.put(header.getKey(), header.getValue().isTextual() ? header.getValue().asText()
                        : header.getValue().toString());
            }
        }
        return new InputRecord(number, key == null || key.isNull() ? null : key.asText(),
                value.isTextual() ? value.asText() : value.toString(), headers);
    }

    /** A line that is not a message. */
    static final class BadLineException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadLineException(long line, String problem) {
            super("input line " + line + " " + problem);
        }
    }
}
