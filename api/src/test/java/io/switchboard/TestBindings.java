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
package io.switchboard;

import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.BindingProvider;
import io.switchboard.spi.ProducerBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** Providers for discovery and builder tests, and a class loader that registers exactly the ones a test names. */
public final class TestBindings {
    /** The backend the last created test producer got, for tests that script it. */
    public static final AtomicReference<ScriptedBackend> LAST = new AtomicReference<>();
    /** The config the last test producer was created with. */
    public static final AtomicReference<BindingConfig> LAST_CONFIG = new AtomicReference<>();

    private TestBindings() {
    }

    /** A class loader whose only BindingProvider registrations are {@code providers}. */
    public static ClassLoader registering(Path dir, Class<?>... providers) {
        try {
            Path services = dir.resolve("META-INF/services");
            Files.createDirectories(services);
            Files.writeString(services.resolve(BindingProvider.class.getName()),
                    Arrays.stream(providers).map(Class::getName).collect(Collectors.joining("\n")));
            return new URLClassLoader(new URL[]{dir.toUri().toURL()}, TestBindings.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    abstract static class Scripted implements BindingProvider {
        @Override
        public Set<Capability> capabilities() {
            return EnumSet.of(Capability.PARTITIONS);
        }

        @Override
        public ProducerBackend createProducer(BindingConfig config) {
            ScriptedBackend backend = new ScriptedBackend();
            LAST.set(backend);
            LAST_CONFIG.set(config);
            return backend;
        }
    }

    /** Named "alpha"; takes {@code alpha://host} addresses as alpha.servers. */
    public static final class Alpha extends Scripted {
        @Override
        public String name() {
            return "alpha";
        }

        @Override
        public java.util.Map<String, String> propertiesFromUrl(String address) {
            return java.util.Map.of("servers", address);
        }
    }

    /** Also named "alpha": two providers with one name. */
    public static final class AlphaTwin extends Scripted {
        @Override
        public String name() {
            return "alpha";
        }
    }

    /** Named "gamma"; claims every capability; its client does not retry, so the producer's retries apply. */
    public static final class Gamma extends Scripted {
        @Override
        public String name() {
            return "gamma";
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.allOf(Capability.class);
        }

        @Override
        public ProducerBackend createProducer(BindingConfig config) {
            ScriptedBackend backend = (ScriptedBackend) super.createProducer(config);
            backend.retries = false;
            return backend;
        }
    }

    /** Named "beta"; claims every capability. */
    public static final class Beta extends Scripted {
        @Override
        public String name() {
            return "beta";
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.allOf(Capability.class);
        }
    }
}
