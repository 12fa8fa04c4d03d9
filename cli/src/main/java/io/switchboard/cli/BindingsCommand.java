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

import io.switchboard.Capability;
import io.switchboard.spi.BindingProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/** {@code switchboard bindings}: the bindings on the class path, where they come from, what they claim. */
@Command(name = "bindings", mixinStandardHelpOptions = true,
        description = "List the bindings found on the class path: artifact, version, capabilities, and how to select each.")
public final class BindingsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<BindingProvider> providers = new ArrayList<>();
        ServiceLoader.load(BindingProvider.class, Thread.currentThread().getContextClassLoader()).forEach(providers::add);
        providers.sort(Comparator.comparing(BindingProvider::name));
        Table table = new Table("binding", "artifact", "version", "capabilities", "select with");
        for (BindingProvider provider : providers) {
            String[] artifact = artifactOf(provider.getClass());
            table.row(provider.name(), artifact[0], artifact[1],
                    provider.capabilities().stream().sorted().map(Capability::name).collect(Collectors.joining(", ")),
                    "switchboard.binding=" + provider.name() + " or " + provider.name() + "://...; its keys: "
                            + provider.name() + ".*");
        }
        table.print(out);
        out.flush();
        return 0;
    }

    /** groupId:artifactId and version from the Maven metadata in the provider's jar, or where it was loaded from. */
    static String[] artifactOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            return new String[] {"(unknown)", ""};
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    for (JarEntry entry : jar.stream().toList()) {
                        if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) {
                            Properties pom = new Properties();
                            try (InputStream in = jar.getInputStream(entry)) {
                                pom.load(in);
                            }
                            return new String[] {pom.getProperty("groupId") + ":" + pom.getProperty("artifactId"),
                                    pom.getProperty("version")};
                        }
                    }
                }
            }
            return new String[] {"(" + path.getFileName() + ")", ""};
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return new String[] {"(" + source.getLocation() + ")", ""};
        }
    }
}
