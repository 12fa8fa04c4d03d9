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

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * One in-process run of the {@code switchboard} command, with the error handling of the real one: its exit
 * status and what it wrote to standard output and standard error.
 *
 * @param status the exit status
 * @param out    standard output
 * @param err    standard error
 */
public record Run(int status, String out, String err) {

    /** Runs {@code args}. */
    public static Run of(String... args) {
        return of(commandLine -> { }, args);
    }

    /** Runs {@code args} on a command line that {@code setUp} prepared first (input, environment). */
    public static Run of(Consumer<CommandLine> setUp, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        setUp.accept(commandLine);
        int status = commandLine.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** Bytes of standard input, as UTF-8. */
    public static ByteArrayInputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
