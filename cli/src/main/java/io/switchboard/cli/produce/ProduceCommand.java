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

import io.switchboard.Destination;
import io.switchboard.Message;
import io.switchboard.Producer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code switchboard produce}: sends one message per input line, like kcat's producer mode, to any binding
 * through the neutral API. Exit 0 only if every line was acknowledged; 1 if a send failed or a line could not be
 * read; 2 for a usage error (bad options or settings, unknown binding).
 */
@Command(name = "produce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send one message per line of standard input (or --file) to a destination on any binding.",
                "Example: printf 'k1:hello\\nk2:world\\n' | switchboard produce --url memory:// -t orders -K: --receipts"})
public final class ProduceCommand implements Callable<Integer> {
    @Option(names = {"-t", "--destination"}, required = true, paramLabel = "NAME", description = "Where to send.")
    String destination;

    @Option(names = "-K", paramLabel = "DELIMITER",
            description = "Split each line into key and value at the first DELIMITER (e.g. -K:).")
    String keyDelimiter;

    @Option(names = "-H", paramLabel = "NAME=VALUE", description = "A header for every message (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text: the line is the value (or key and value with -K); json: {\"key\", \"value\", \"headers\"} per line.")
    String format;

    @Option(names = "--file", paramLabel = "PATH", description = "Read lines from a file instead of standard input.")
    Path file;

    @Option(names = "--config", paramLabel = "FILE", description = "Producer settings from a properties file.")
    Path config;

    @Option(names = "--url", paramLabel = "URL", description = "Binding and address, e.g. kafka://localhost:9092?acks=all or memory://.")
    String url;

    @Option(names = "-X", paramLabel = "KEY=VALUE", description = "One setting (repeatable); overrides --config, --url and SWITCHBOARD_* variables.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--receipts", description = "Print one receipt per message (JSON lines with --format json).")
    boolean receipts;

    @Option(names = "--on-error", defaultValue = "stop", paramLabel = "stop|skip",
            description = "On a line that cannot be read: stop (default; what was accepted is still delivered) or skip it.")
    String onError;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|on|off",
            description = "A progress bar on standard error: auto (on a terminal), on, off.")
    String progress;

    @Spec
    CommandSpec spec;

    /** The environment the command reads SWITCHBOARD_* variables from; tests replace it. */
    Map<String, String> environment = System.getenv();
    /** Where standard input comes from; tests replace it. */
    InputStream input = System.in;
    /** Where the progress bar draws; tests replace it. */
    PrintStream progressStream = System.err;

    @Override
    public Integer call() {
        InputFormat inputFormat = choice("--format", format, InputFormat.class);
        boolean skip = choice("--on-error", onError, OnError.class) == OnError.SKIP;
        LineParser parser = new LineParser(inputFormat, keyDelimiter);
        Map<String, String> common = headerOptions();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Outcomes outcomes = new Outcomes(out, err, receipts, inputFormat == InputFormat.JSON);
        Destination to = Destination.of(destination);
        boolean stopped = false;
        try (Producer<String> producer = ProducerSetup.builder(config, url, environment, settings).build();
             BufferedReader reader = reader();
             Progress bar = progress()) {
            long number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                InputRecord record;
                try {
                    record = parser.parse(number, line);
                } catch (LineParser.BadLineException bad) {
                    outcomes.unparsed();
                    err.println("switchboard produce: " + bad.getMessage() + (skip ? "; skipped" : "; stopping (what was sent before is delivered)"));
                    if (!skip) {
                        stopped = true;
                        break;
                    }
                    continue;
                }
                outcomes.sent(number, producer.sendAsync(message(to, record, common)));
                bar.step();
            }
            producer.flush(Duration.ofMinutes(1));
            outcomes.drain(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + (file == null ? "standard input" : file), e);
        }
        outcomes.summary(err);
        return outcomes.allAcknowledged() && !stopped ? 0 : 1;
    }

    private Message<String> message(Destination to, InputRecord record, Map<String, String> common) {
        Map<String, String> all = new LinkedHashMap<>(common);
        all.putAll(record.headers());
        Message.Builder builder = Message.to(to).headers(all);
        if (record.key() != null) {
            builder.key(record.key());
        }
        return builder.value(record.value());
    }

    private Map<String, String> headerOptions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String header : headers) {
            int eq = header.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "-H " + header + " is not name=value");
            }
            out.put(header.substring(0, eq), header.substring(eq + 1));
        }
        return out;
    }

    private BufferedReader reader() throws IOException {
        if (file == null) {
            return new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        }
        if (!Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), "--file " + file + " cannot be read");
        }
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    private Progress progress() throws IOException {
        boolean on = switch (choice("--progress", progress, ProgressMode.class)) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> System.console() != null;
        };
        if (!on) {
            return Progress.off();
        }
        long total = -1;
        if (file != null) {
            try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                total = lines.count();
            }
        }
        return Progress.on(progressStream, total);
    }

    private <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new ParameterException(spec.commandLine(), option + " " + value + " is not one of "
                + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }

    private enum OnError { STOP, SKIP }

    private enum ProgressMode { AUTO, ON, OFF }
}
