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
package io.switchboard.cli.tck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code report.md}: what ran on which fixture, the counts, and every case by group with its result and reason. */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static void write(Path file, String fixture, List<CaseResult> results, Tally tally) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Switchboard compatibility kit report\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| fixture | ").append(cell(fixture)).append(" |\n");
        md.append("| run | ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" |\n");
        md.append("| Java | ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vendor")).append(") |\n");
        md.append("| result | ").append(tally.summary()).append(" |\n\n");
        Map<String, StringBuilder> groups = new LinkedHashMap<>();
        for (CaseResult r : results) {
            StringBuilder group = groups.computeIfAbsent(r.group(), g -> new StringBuilder()
                    .append("## ").append(g.isEmpty() ? "(kit)" : g).append("\n\n| case | result | time | reason |\n|---|---|---:|---|\n"));
            group.append("| ").append(cell(r.sentence())).append(" | ").append(r.status().label).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f s", r.took().toMillis() / 1000.0)).append(" | ")
                    .append(cell(MatrixListener.abbreviated(r.reason(), 300))).append(" |\n");
        }
        groups.values().forEach(g -> md.append(g).append('\n'));
        Files.writeString(file, md, StandardCharsets.UTF_8);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
