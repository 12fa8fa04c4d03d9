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
package io.switchboard.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution {@code ./mvnw package} builds ({@code target/switchboard/bin/switchboard} and {@code lib/}),
 * run end to end as a user runs it: a separate JVM, standard input and exit status. Failsafe runs it after the
 * package phase.
 */
class DistributionIT {
    private static final Path LAUNCHER = Path.of("target", "switchboard", "bin", "switchboard");

    @Test
    void helpListsTheCommands() throws Exception {
        Result help = run("", "--help");

        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("demo", "produce", "bindings", "tck");
    }

    @Test
    void produceReadsStandardInputAndPrintsReceiptsAndASummary() throws Exception {
        Result produce = run("k1:hello\nk2:world\n", "produce", "--url", "memory://", "-t", "orders", "-K:", "--receipts");

        assertThat(produce.status()).as(produce.err()).isZero();
        assertThat(produce.out().lines().toList()).hasSize(2).allMatch(l -> l.startsWith("line ") && l.contains("orders partition"));
        assertThat(produce.err()).contains("sent 2, acknowledged 2");
    }

    /**
     * The root README's commands, as a user types them, through the root launcher on the distribution just built:
     * the launcher is told the build is fresh (its stamp), so it runs the distribution without building again.
     * {@code ./mvnw verify} (this very build), {@code bench} (ten minutes) and {@code tck} (covered by
     * {@code TckCommandTest}) are left out.
     */
    @Test
    void theRootReadmesCommandsRun() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Files.writeString(root.resolve("cli/target/switchboard/.built"), "");
        String readme = Files.readString(root.resolve("README.md"));
        String block = readme.substring(readme.indexOf("## Commands"));
        block = block.substring(block.indexOf("```bash") + 7, block.indexOf("```", block.indexOf("```bash") + 7));
        List<String> commands = block.lines().map(l -> l.replaceAll("\\s+#.*$", "").strip())
                .filter(l -> l.contains("./switchboard") && !l.contains(" bench") && !l.contains(" tck")).toList();
        assertThat(commands).as("commands of the root README").hasSizeGreaterThanOrEqualTo(4);
        for (String command : commands) {
            Process process = new ProcessBuilder("bash", "-c", command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("'%s' finished", command).isTrue();
            assertThat(process.exitValue()).as("exit status of '%s'", command).isZero();
        }
    }

    private static Result run(String input, String... args) throws IOException, InterruptedException {
        assertThat(LAUNCHER).as("the distribution's launcher (built by the package phase)").isExecutable();
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("switchboard-out", ".txt");
        Path err = Files.createTempFile("switchboard-err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command finished within 60 s").isTrue();
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Result(int status, String out, String err) {
    }
}
