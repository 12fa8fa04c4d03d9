package io.switchboard.cli.tck;

import io.switchboard.tck.BindingFixture;
import io.switchboard.jms.JmsHeaderNames;
import io.switchboard.jms.JmsHeaderValues;
import io.switchboard.tck.MemoryFixture;
import io.switchboard.tck.jms.HeaderDecoding;
import io.switchboard.tck.jms.JmsFixture;
import io.switchboard.tck.kafka.KafkaClusterConfig;
import io.switchboard.tck.kafka.KafkaFixture;
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
    /** The bindings whose fixture this build of the command carries. */
    static final List<String> BUILT_IN = List.of("memory", "kafka", "pulsar", "jms", "jms-classic");

    /** How the JMS binding writes header names and values as JMS properties, for the probe to read them back. */
    private static final HeaderDecoding JMS_HEADERS = HeaderDecoding.of(JmsHeaderNames::decode, JmsHeaderValues::decode);

    private FixtureChoice() {
    }

    /**
     * The project's own fixture for {@code binding}: on its embedded broker, or with {@code config} on a broker
     * that runs elsewhere.
     */
    static BindingFixture builtIn(CommandSpec spec, String binding, Path config, PrintWriter out) {
        if (config != null && !binding.equals("kafka")) {
            throw new ParameterException(spec.commandLine(), "--config describes an external broker, which the command"
                    + " supports for --binding kafka so far; leave --config out to run " + binding + " embedded");
        }
        switch (binding) {
            case "memory":
                return MemoryFixture.memoryBinding();
            case "kafka":
                if (config != null) {
                    return KafkaFixture.external(kafkaCluster(spec, config));
                }
                out.println("starting an embedded Kafka broker...");
                out.flush();
                return KafkaFixture.embedded();
            case "pulsar":
                out.println("starting an embedded Pulsar broker (tens of seconds)...");
                out.flush();
                return PulsarFixture.embedded();
            case "jms":
                out.println("starting an embedded Artemis broker...");
                out.flush();
                return JmsFixture.embeddedArtemis(JMS_HEADERS);
            case "jms-classic":
                out.println("starting an embedded ActiveMQ Classic broker...");
                out.flush();
                return JmsFixture.embeddedClassic(JMS_HEADERS);
            default:
                break;
        }
        throw new ParameterException(spec.commandLine(), "the command has no fixture for binding '" + binding
                + "' yet (it carries " + BUILT_IN + "); run that binding's kit from its build, for example ./mvnw -pl "
                + binding + "-binding -am verify, or pass --fixture with your own fixture class");
    }

    private static KafkaClusterConfig kafkaCluster(CommandSpec spec, Path config) {
        try {
            return KafkaClusterConfig.load(config);
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
