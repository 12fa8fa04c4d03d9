package io.switchboard.cli;

import io.switchboard.cli.tck.TckCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code switchboard} command. */
@Command(name = "switchboard", mixinStandardHelpOptions = true, version = "switchboard 0.1.0-SNAPSHOT",
        description = "One producer API for Kafka, Pulsar and JMS.",
        subcommands = {DemoCommand.class, TckCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
