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

import io.switchboard.cli.brokers.EmbeddedFixtures;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.jms.JmsBrokerConfig;
import io.switchboard.tck.jms.JmsFixture;
import io.switchboard.tck.kafka.KafkaClusterConfig;
import io.switchboard.tck.kafka.KafkaFixture;
import io.switchboard.tck.pulsar.PulsarClusterConfig;
import io.switchboard.tck.pulsar.PulsarFixture;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixture a run uses: one of the project's own, by binding, or a third party's class from its own class path.
 * A third party's classes are loaded in a class loader of their own whose parent is the command's, so the kit and
 * the API are the command's and the binding is theirs.
 */
final class FixtureChoice {

    private FixtureChoice() {
    }

    /**
     * The project's own fixture for {@code binding}: on its embedded broker, or with {@code config} on a broker
     * that runs elsewhere.
     */
    static BindingFixture builtIn(CommandSpec spec, String binding, Path config, PrintWriter out) {
        if (config != null) {
            return switch (binding) {
                case "kafka" -> KafkaFixture.external(fromFile(spec, config, KafkaClusterConfig::load));
                case "pulsar" -> PulsarFixture.external(fromFile(spec, config, PulsarClusterConfig::load));
                case "jms", "jms-classic" -> JmsFixture.external(fromFile(spec, config, JmsBrokerConfig::load),
                        EmbeddedFixtures.JMS_HEADERS);
                default -> throw new ParameterException(spec.commandLine(), "--config describes an external broker"
                        + " for kafka, pulsar or jms; --binding " + binding + " has none");
            };
        }
        return EmbeddedFixtures.start(binding, "tck-memory", out, System.console() != null).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "--binding " + binding + " has no fixture in this command;"
                        + " it carries " + EmbeddedFixtures.BINDINGS + ", or pass --fixture with your own fixture class"));
    }

    /** How a fixture module reads its configuration file. */
    private interface ConfigReader<C> {
        C load(Path file) throws IOException;
    }

    private static <C> C fromFile(CommandSpec spec, Path config, ConfigReader<C> reader) {
        try {
            return reader.load(config);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--config " + config + " cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--config " + e.getMessage());
        }
    }

    /** Loads {@code className} from {@code classPath} and makes it with its public no-argument constructor. */
    static BindingFixture external(CommandSpec spec, String className, String classPath) {
        ClassLoader loader = loader(spec, classPath);
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class<?> type = Class.forName(className, true, loader);
            if (!BindingFixture.class.isAssignableFrom(type)) {
                throw new ParameterException(spec.commandLine(), "--fixture " + className + " does not implement "
                        + BindingFixture.class.getName());
            }
            Constructor<?> constructor = type.getConstructor();
            return (BindingFixture) constructor.newInstance();
        } catch (ClassNotFoundException e) {
            throw new ParameterException(spec.commandLine(), "--fixture " + className + " is not on the class path"
                    + (classPath == null ? " (give its jar with --classpath)" : " " + classPath));
        } catch (NoSuchMethodException e) {
            throw new ParameterException(spec.commandLine(), "--fixture " + className
                    + " needs a public constructor without arguments");
        } catch (InvocationTargetException e) {
            throw new ParameterException(spec.commandLine(), "--fixture " + className + " failed to start: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ParameterException(spec.commandLine(), "--fixture " + className + " cannot be made: " + e, e);
        }
    }

    private static ClassLoader loader(CommandSpec spec, String classPath) {
        ClassLoader parent = FixtureChoice.class.getClassLoader();
        if (classPath == null || classPath.isBlank()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            File file = new File(entry);
            if (!file.exists()) {
                throw new ParameterException(spec.commandLine(), "--classpath entry " + entry + " does not exist");
            }
            try {
                urls.add(file.toURI().toURL());
            } catch (MalformedURLException e) {
                throw new ParameterException(spec.commandLine(), "--classpath entry " + entry + " is not a path", e);
            }
        }
        return new URLClassLoader("switchboard-tck-fixture", urls.toArray(URL[]::new), parent);
    }
}
