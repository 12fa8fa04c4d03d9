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

import io.switchboard.MessagingException;
import io.switchboard.cli.demo.DemoCommand;
import io.switchboard.cli.produce.ProduceCommand;
import io.switchboard.cli.tck.TckCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code switchboard} command. Errors a user can act on are one line on standard error (with the cause's
 * stack trace only under {@code --verbose}); usage errors and bad settings exit 2, failed sends 1.
 */
@Command(name = "switchboard", mixinStandardHelpOptions = true, version = "switchboard 0.1.0-SNAPSHOT",
        description = "One producer API for Kafka, Pulsar and JMS.",
        subcommands = {DemoCommand.class, ProduceCommand.class, BindingsCommand.class, TckCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    /** Exit status of a usage error: bad options, bad settings, an unknown binding. */
    public static final int USAGE = 2;
    /** Exit status when the command ran but did not do all it was asked (a send failed). */
    public static final int FAILED = 1;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    boolean verbose;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with the error handling every subcommand shares. */
    public static CommandLine commandLine() {
        Main main = new Main();
        CommandLine commandLine = new CommandLine(main);
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("switchboard: " + e.getMessage() + " (see: " + failed.getCommandSpec().qualifiedName()
                    + " --help)");
            failed.getErr().flush();
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parsed) -> {
            failed.getErr().println("switchboard: " + oneLine(e));
            if (main.verbose) {
                e.printStackTrace(failed.getErr());
            }
            failed.getErr().flush();
            return e instanceof MessagingException || e instanceof IllegalArgumentException ? USAGE : FAILED;
        });
        return commandLine;
    }

    /** The error as a user can act on it: the API's message (which names the key and the fix), or the cause's. */
    static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}
