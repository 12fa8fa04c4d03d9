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
package io.switchboard.embedded.jms;

import jakarta.jms.ConnectionFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * The part of {@link EmbeddedJmsBroker} that is the same for every broker: the store directory, the port
 * kept across restarts, the running / stopped / closed states, and cleaning up on close.
 *
 * <p>A subclass only starts and stops its broker on a given directory and port, and makes connection
 * factories. A new broker object is created on every start: neither broker is designed to be restarted
 * from the same object, while both reopen the same store as if after a process restart.
 */
abstract class BrokerLifecycle implements EmbeddedJmsBroker {

    /** Loopback only: a test broker should not be reachable from the network. */
    static final String HOST = "127.0.0.1";

    /**
     * A free port is only known to be free when it is probed; another process may take it before the
     * broker binds it. On the first start no client knows the port yet, so trying another one is safe.
     */
    private static final int FIRST_START_ATTEMPTS = 3;

    private final String name;
    private final IntSupplier portPicker;
    private final List<AutoCloseable> factoriesToClose = new ArrayList<>();

    private Path storeDirectory;
    private int port;
    private int tlsPort;
    private boolean running;
    private boolean closed;

    BrokerLifecycle(String name, IntSupplier portPicker) {
        this.name = name;
        this.portPicker = portPicker;
    }

    /**
     * Starts the broker on the given store and port, and returns once it accepts connections.
     * If it throws, nothing of the broker may be left running.
     *
     * @param tlsPort the TLS listener's port, or 0 when {@link #tls()} is empty
     */
    abstract void startBroker(Path storeDirectory, String host, int port, int tlsPort) throws Exception;

    /** The key store of the TLS listener, if the broker has one. */
    abstract Optional<ServerKeyStore> tls();

    /** The TLS listener's address in the provider's URL syntax. */
    abstract String tlsUrl(String host, int port);

    /** Stops the broker started by the last successful {@link #startBroker}, keeping its store. */
    abstract void stopBroker() throws Exception;

    /** A provider connection factory for {@code url}; {@code user} and {@code password} may be null. */
    abstract ConnectionFactory newConnectionFactory(String url, String user, String password);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final synchronized void start() {
        if (closed) {
            throw new IllegalStateException(name + " broker is closed and cannot be started again");
        }
        if (running) {
            return;
        }
        if (storeDirectory == null) {
            storeDirectory = createStoreDirectory();
        }
        if (port == 0) {
            startOnFreePorts();
        } else {
            try {
                startOn(port, tlsPort);
            } catch (Exception e) {
                throw new IllegalStateException("Could not start " + name + " again on " + url(port)
                        + (isPortConflict(e) ? ": another process is using the port" : "") + ": " + e, e);
            }
        }
        running = true;
    }

    private void startOnFreePorts() {
        for (int attempt = 1; ; attempt++) {
            int candidate = portPicker.getAsInt();
            int tlsCandidate = tls().isPresent() ? pickOtherThan(candidate) : 0;
            try {
                startOn(candidate, tlsCandidate);
                port = candidate;
                tlsPort = tlsCandidate;
                return;
            } catch (Exception e) {
                if (!isPortConflict(e) || attempt == FIRST_START_ATTEMPTS) {
                    throw new IllegalStateException("Could not start " + name + " on " + url(candidate)
                            + " with its store in " + storeDirectory + ": " + e, e);
                }
            }
        }
    }

    private int pickOtherThan(int taken) {
        int picked = portPicker.getAsInt();
        while (picked == taken) {
            picked = portPicker.getAsInt();
        }
        return picked;
    }

    private void startOn(int listenPort, int tlsListenPort) throws Exception {
        // Artemis finds a taken port only half-way through its start, and logs long errors; a probe is quiet.
        // The broker's own bind still decides: the port may be taken between the probe and the bind.
        for (int wanted : new int[] {listenPort, tlsListenPort}) {
            if (wanted != 0 && !isPortFree(HOST, wanted)) {
                throw new BindException(HOST + ":" + wanted + " is in use");
            }
        }
        startBroker(storeDirectory, HOST, listenPort, tlsListenPort);
    }

    @Override
    public final synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            stopBroker();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop " + name + " cleanly: " + e, e);
        }
    }

    @Override
    public final synchronized void restart() {
        stop();
        start();
    }

    @Override
    public final synchronized boolean isRunning() {
        return running;
    }

    @Override
    public final synchronized String brokerUrl() {
        if (port == 0) {
            throw new IllegalStateException(name + " broker was never started; its port is chosen by the first start()");
        }
        return url(port);
    }

    @Override
    public final synchronized String tlsBrokerUrl() {
        brokerUrl();
        if (tlsPort == 0) {
            throw new IllegalStateException(name + " broker has no TLS listener; open one with builder().tls(keyStore,"
                    + " password)");
        }
        return tlsUrl(HOST, tlsPort);
    }

    @Override
    public final ConnectionFactory connectionFactory() {
        return connectionFactory(null, null);
    }

    @Override
    public final synchronized ConnectionFactory connectionFactory(String user, String password) {
        return factoryAt(brokerUrl(), user, password);
    }

    @Override
    public final synchronized ConnectionFactory connectionFactoryAt(String url) {
        return factoryAt(url, null, null);
    }

    private ConnectionFactory factoryAt(String url, String user, String password) {
        if (closed) {
            throw new IllegalStateException(name + " broker is closed");
        }
        ConnectionFactory factory = newConnectionFactory(url, user, password);
        if (factory instanceof AutoCloseable closeable) {
            // Artemis' factory owns a server locator with threads; the caller would otherwise leak it
            factoriesToClose.add(closeable);
        }
        return factory;
    }

    @Override
    public final synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Exception> failures = new ArrayList<>();
        try {
            stop();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        for (AutoCloseable factory : factoriesToClose) {
            try {
                factory.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        factoriesToClose.clear();
        if (storeDirectory != null) {
            try {
                deleteRecursively(storeDirectory);
            } catch (IOException | UncheckedIOException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("Could not close " + name + " cleanly");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /** The store directory, or null before the first start; for tests of this package. */
    final synchronized Path storeDirectory() {
        return storeDirectory;
    }

    @Override
    public synchronized String toString() {
        String state = closed ? "closed" : running ? "running" : "stopped";
        return name + (port == 0 ? "" : " at " + url(port)) + " (" + state + ")";
    }

    /** Probes the loopback interface for a port nobody listens on. */
    static int pickFreePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on " + HOST, e);
        }
    }

    static boolean isPortFree(String host, int port) {
        try {
            new ServerSocket(port, 1, InetAddress.getByName(host)).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String url(int port) {
        return "tcp://" + HOST + ":" + port;
    }

    private Path createStoreDirectory() {
        try {
            return Files.createTempDirectory("switchboard-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a store directory for " + name, e);
        }
    }

    private static boolean isPortConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
