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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One side-by-side main of the bench suite, run in a JVM of its own (each broker starts in a fresh process, as a
 * user's would): its whole output goes to a log file, and the lines that say where it is (each size's rounds, each
 * measured run) are echoed as progress with the time since the suite began.
 *
 * @param name      what the report calls it ({@code kafka}, {@code pulsar}, {@code jms})
 * @param mainClass the side-by-side main
 * @param arguments its options, {@code --results} excluded (the stage adds it)
 */
record SuiteStage(String name, Class<?> mainClass, List<String> arguments) {

    /** Runs the main; returns its results file. */
    Path run(Path outDirectory, long suiteStartNanos, int maxMinutes) throws IOException, InterruptedException {
        Path results = outDirectory.resolve(name + ".tsv");
        Path log = outDirectory.resolve("logs").resolve(name + ".txt");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(arguments);
        command.addAll(List.of("--results", results.toString(), "--max-minutes", Integer.toString(maxMinutes)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter logWriter = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                logWriter.println(line);
                if (isProgress(line)) {
                    progress(suiteStartNanos, name + ": " + line.strip());
                }
            }
        }
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed (exit " + process.exitValue() + "); its output: " + log);
        }
        return results;
    }

    /** The lines worth echoing: a size's rounds beginning, and each measured run. */
    private static boolean isProgress(String line) {
        return line.contains(" values: ") || line.matches("^\\s+\\S+\\s+\\d+\\s.*") || line.startsWith("=== Broker")
                || line.contains("Exception") || line.contains("still running after");
    }

    static void progress(long suiteStartNanos, String what) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - suiteStartNanos);
        System.out.printf(Locale.ROOT, "[%2d:%02d] %s%n", seconds / 60, seconds % 60, what);
        System.out.flush();
    }
}
