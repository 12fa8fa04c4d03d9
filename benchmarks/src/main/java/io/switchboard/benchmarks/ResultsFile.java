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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every measured run of a side-by-side main, one tab-separated line each ({@code --results file}), for the bench
 * suite's report ({@link BenchSuite}). Lines are appended as runs finish, so a run cut short keeps what it measured.
 */
final class ResultsFile {
    static final String HEADER = "binding\tbroker\tsize\tmode\tround\tclient\tmessages\tmsg_per_s\tp50_ms\tp99_ms"
            + "\tp999_ms\tcpu_us_per_msg\terrors\tload";

    /** One measured run. {@code mode}: {@code pipelined}, or {@code rate-50} / {@code rate-80} (percent of native). */
    record Row(String binding, String broker, int size, String mode, int round, String client, int messages,
               double perSecond, double p50Ms, double p99Ms, double p999Ms, double cpuMicrosPerMessage, int errors,
               double load) {

        String line() {
            return String.join("\t", binding, broker, Integer.toString(size), mode, Integer.toString(round), client,
                    Integer.toString(messages), number(perSecond), number(p50Ms), number(p99Ms), number(p999Ms),
                    number(cpuMicrosPerMessage), Integer.toString(errors), number(load));
        }

        static Row parse(String line) {
            String[] f = line.split("\t");
            return new Row(f[0], f[1], Integer.parseInt(f[2]), f[3], Integer.parseInt(f[4]), f[5], Integer.parseInt(f[6]),
                    Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9]), Double.parseDouble(f[10]),
                    Double.parseDouble(f[11]), Integer.parseInt(f[12]), Double.parseDouble(f[13]));
        }

        private static String number(double value) {
            return String.format(Locale.ROOT, "%.4f", value);
        }
    }

    private final Path path;

    private ResultsFile(Path path) {
        this.path = path;
    }

    /** The file named by {@code --results}, started with its header line; null when the option is absent. */
    static ResultsFile open(String path) {
        if (path == null) {
            return null;
        }
        ResultsFile file = new ResultsFile(Path.of(path));
        try {
            Files.writeString(file.path, HEADER + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results file " + path, e);
        }
        return file;
    }

    /** Appends one run; a null file (no {@code --results}) ignores it. */
    static void add(ResultsFile file, Row row) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file.path, row.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the results file " + file.path, e);
        }
    }

    /** Every run in a results file. */
    static List<Row> read(Path path) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("binding\t")) {
                rows.add(Row.parse(line));
            }
        }
        return rows;
    }
}
