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
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer on the module path: a named module that requires only {@code io.switchboard.api} finds the memory
 * binding through the ServiceLoader (the jars' {@code Automatic-Module-Name} and their service files) and sends.
 * Failsafe runs it after the package phase, on the built jars.
 */
class ModulePathIT {

    @Test
    void aNamedModuleRequiringTheApiLoadsABindingAndSends(@TempDir Path dir) throws Exception {
        Path api = jar("switchboard-api");
        Path memory = jar("switchboard-memory");
        Path source = dir.resolve("src");
        Files.createDirectories(source.resolve("app"));
        Files.writeString(source.resolve("module-info.java"), "module app { requires io.switchboard.api; }\n");
        Files.writeString(source.resolve("app/Main.java"), """
                package app;

                import io.switchboard.Message;
                import io.switchboard.Producer;
                import io.switchboard.Serializers;
                import io.switchboard.Switchboard;

                public class Main {
                    public static void main(String[] args) {
                        try (Producer<String> producer = Switchboard.builder(Serializers.string()).url("memory://").build()) {
                            System.out.println("sent on " + producer.binding() + ": "
                                    + producer.send(Message.to("orders").key("k").value("from a module")));
                        }
                    }
                }
                """);
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "--module-path", api.toString(), "-d", classes.toString(),
                source.resolve("module-info.java").toString(), source.resolve("app/Main.java").toString());
        assertThat(compiled).as("javac of the consumer module").isZero();

        Path out = dir.resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process run = new ProcessBuilder(java, "--module-path", String.join(File.pathSeparator, classes.toString(),
                api.toString(), memory.toString()), "--add-modules", "ALL-MODULE-PATH", "-m", "app/app.Main")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out);
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).contains("sent on memory");
    }

    /** The built jar of one of the project's modules, from this test's class path. */
    private static Path jar(String artifact) {
        // the forked test JVM may run from a manifest-only jar; Surefire and Failsafe name the real class path here
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.asList(classPath.split(File.pathSeparator));
        return entries.stream().filter(e -> Path.of(e).getFileName().toString().startsWith(artifact + "-")
                        && e.endsWith(".jar")).map(Path::of).findFirst()
                .orElseThrow(() -> new AssertionError("no " + artifact + " jar on the class path: " + entries));
    }
}
