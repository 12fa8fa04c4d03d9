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

import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.CapturingLogProvider;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;

/**
 * {@code switchboard tck}: runs the compatibility kit, the very one a binding's build runs, through the JUnit
 * Platform launcher, prints the matrix, and writes {@code report.md} and JUnit XML.
 */
@Command(name = "tck", mixinStandardHelpOptions = true,
        description = {"Runs the compatibility kit against a binding and prints which part of the contract holds.",
                "Writes report.md and JUnit XML (TEST-junit-jupiter.xml) under --report; exits 1 if any case fails."})
public final class TckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--binding", paramLabel = "NAME", defaultValue = "memory",
            description = "The binding whose own fixture to run on: memory, kafka, pulsar, jms (on Artemis) or jms-classic (on ActiveMQ Classic), on an embedded broker unless --config is given (default ${DEFAULT-VALUE}).")
    String binding;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Runs on a Kafka, Pulsar or JMS broker that runs elsewhere, described by a properties file (see tck/README.md), instead of an embedded one.")
    Path config;

    @Option(names = "--fixture", paramLabel = "CLASS",
            description = "A fixture class of your own (implements io.switchboard.tck.BindingFixture, public no-argument constructor), instead of --binding.")
    String fixtureClass;

    @Option(names = "--classpath", paramLabel = "PATH",
            description = "Where --fixture and its binding are: jars and folders, separated by the platform's path separator.")
    String classPath;

    @Option(names = "--only", paramLabel = "GROUP",
            description = "Runs one part of the contract (repeatable), e.g. Lifecycle, FlushAndClose, \"Secrets are never shown\".")
    List<String> only = new ArrayList<>();

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "tck-report",
            description = "Where report.md and the JUnit XML go (default ${DEFAULT-VALUE}).")
    Path reportDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<DiscoverySelector> selectors = selectors();
        CapturingLogProvider.select();   // before a broker or client starts logging: the secret cases read the lines
        BindingFixture fixture = fixtureClass != null ? FixtureChoice.external(spec, fixtureClass, classPath)
                : FixtureChoice.builtIn(spec, binding, config, out);
        Files.createDirectories(reportDir);
        out.println("switchboard tck: " + fixture + (only.isEmpty() ? "" : ", only " + only));
        MatrixListener matrix = new MatrixListener(out, System.console() != null);
        LegacyXmlReportGeneratingListener xml = new LegacyXmlReportGeneratingListener(reportDir, out);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
        CommandLineKit.use(fixture);
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, matrix, xml);
        } finally {
            CommandLineKit.use(null);
            if (fixture instanceof AutoCloseable closeable) {
                closeQuietly(closeable, out);
            }
        }
        List<CaseResult> results = matrix.results();
        Tally tally = Tally.of(results);
        Matrix.print(out, results);
        Path report = reportDir.resolve("report.md");
        MarkdownReport.write(report, String.valueOf(fixture), results, tally);
        out.println();
        out.println(tally.summary());
        out.println("report: " + report + ", JUnit XML: " + reportDir.resolve("TEST-junit-jupiter.xml"));
        out.flush();
        return tally.failed() == 0 && !results.isEmpty() ? 0 : 1;
    }

    private List<DiscoverySelector> selectors() {
        if (only.isEmpty()) {
            return List.of(selectClass(CommandLineKit.class));
        }
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (String name : only) {
            Class<?> group = KitGroups.named(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--only " + name + " is no part of the kit; the parts are " + KitGroups.names()));
            selectors.add(selectNestedClass(List.of(CommandLineKit.class), group));
        }
        return selectors;
    }

    private static void closeQuietly(AutoCloseable closeable, PrintWriter out) {
        try {
            closeable.close();
        } catch (Exception e) {
            out.println("closing the fixture failed: " + e);
        }
    }
}
