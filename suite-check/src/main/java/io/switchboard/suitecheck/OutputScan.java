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
package io.switchboard.suitecheck;

import io.switchboard.testing.TestSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds registered test secrets in the output a test run left in the build's {@code target} directories: test
 * output and reports (Surefire's {@code *-output.txt}, {@code *.txt}, {@code *.xml}, dumps), log files, and the
 * reports tests write themselves. Compiled classes, generated sources, documentation and the TLS material that
 * tests write on purpose are not output and are skipped.
 */
public final class OutputScan {

    /** The registry file each module's test run writes (see {@link TestSecrets#REGISTRY_PROPERTY}). */
    public static final String REGISTRY_NAME = "switchboard-secrets.txt";

    private static final Set<String> OUTPUT_EXTENSIONS = Set.of("txt", "log", "xml", "md", "out", "err", "json", "csv",
            "dump", "dumpstream");
    private static final Set<String> NOT_OUTPUT = Set.of("classes", "test-classes", "generated-sources",
            "generated-test-sources", "maven-status", "maven-archiver", "apidocs", "testapidocs", "site",
            "documentation", "javadoc-bundle-options", "test-tls");

    private OutputScan() {
    }

    /**
     * One secret found in one file.
     *
     * @param file   where
     * @param line   the first line holding it, from 1
     * @param secret the secret, shown only as its first characters and length
     */
    public record Finding(Path file, int line, String secret) {
        @Override
        public String toString() {
            return file + ":" + line + " holds the registered secret '" + secret.substring(0, 4) + "...' ("
                    + secret.length() + " characters)";
        }
    }

    /** The {@code target} directories of the build under {@code root}: the root's own and its modules', nested. */
    public static List<Path> targetDirectories(Path root) {
        try (Stream<Path> paths = Files.walk(root, 4)) {
            return paths.filter(path -> path.getFileName() != null && path.getFileName().toString().equals("target"))
                    .filter(Files::isDirectory)
                    .filter(path -> !isUnder(root.relativize(path), "src"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the build's directories under " + root, e);
        }
    }

    /** Every secret registered in the registries of these directories, each once. */
    public static Set<String> registeredSecrets(Collection<Path> targets) {
        Set<String> secrets = new LinkedHashSet<>();
        for (Path target : targets) {
            Path registry = target.resolve(REGISTRY_NAME);
            if (Files.isRegularFile(registry)) {
                secrets.addAll(TestSecrets.read(registry));
            }
        }
        return secrets;
    }

    /** The output files in these directories. */
    public static List<Path> outputFiles(Collection<Path> targets) {
        List<Path> files = new ArrayList<>();
        for (Path target : targets) {
            try (Stream<Path> paths = Files.walk(target)) {
                paths.filter(Files::isRegularFile)
                        .filter(file -> !file.getFileName().toString().equals(REGISTRY_NAME))
                        .filter(file -> OUTPUT_EXTENSIONS.contains(extension(file)))
                        .filter(file -> !isNotOutput(target.relativize(file)))
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("could not list the output in " + target, e);
            }
        }
        return files;
    }

    /** The secrets in the files; each secret is reported once per file, at its first line. */
    public static List<Finding> find(Collection<String> secrets, Collection<Path> files) {
        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            String text = read(file);
            for (String secret : secrets) {
                int at = text.indexOf(secret);
                if (at >= 0) {
                    findings.add(new Finding(file, lineOf(text, at), secret));
                }
            }
        }
        return findings;
    }

    private static boolean isUnder(Path relative, String directory) {
        return anyPart(relative, directory::equals);
    }

    private static boolean isNotOutput(Path relative) {
        return anyPart(relative, NOT_OUTPUT::contains);
    }

    private static boolean anyPart(Path relative, Predicate<String> test) {
        for (Path part : relative) {
            if (test.test(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** As bytes, so that a file in another encoding or with binary parts is still searched, never refused. */
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the output file " + file, e);
        }
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
