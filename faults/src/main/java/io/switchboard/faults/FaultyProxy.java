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
package io.switchboard.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A TCP proxy for tests that misbehaves on command, put between a client and a real broker the way the client
 * would meet a network fault: {@link Fault#FREEZE}, {@link Fault#SWALLOW_REPLIES}, {@link Fault#REFUSE},
 * {@link Fault#HALF_OPEN}, {@link Fault#slow slow}, and {@link #cut()}; {@link Fault#PASS} relays. The fault can
 * change at any time while traffic flows, and applies to open connections and new ones.
 *
 * <ul>
 *   <li>{@link #forwardingTo(InetSocketAddress)}: every connection goes to one broker address. Point the client's
 *       URL at {@link #address()} (ActiveMQ, Artemis), or make the broker advertise it (Kafka's
 *       {@code advertised.listeners}) so that the client's later connections pass here too.</li>
 *   <li>{@link #socks5()}: a SOCKS5 proxy (CONNECT, no authentication) for clients that send every connection
 *       through one, such as Pulsar's ({@code pulsar.client.socks5ProxyAddress}).</li>
 * </ul>
 *
 * <p>Every socket is on the loopback interface; threads are daemons, one per direction of each connection.
 */
public final class FaultyProxy implements AutoCloseable {
    private final ServerSocket server;
    private final Upstream upstream;
    private final FaultState state = new FaultState();
    private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean closed;

    private FaultyProxy(Upstream upstream) {
        this.upstream = upstream;
        try {
            server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on the loopback interface", e);
        }
        Threads.daemon("faulty-proxy-accept-" + server.getLocalPort(), this::acceptLoop).start();
    }

    /** A proxy that forwards every connection to {@code broker}. */
    public static FaultyProxy forwardingTo(InetSocketAddress broker) {
        if (broker == null) {
            throw new IllegalArgumentException("broker address is null; expected the address the proxy forwards to");
        }
        return new FaultyProxy(Upstream.fixed(broker));
    }

    /** A proxy that forwards every connection to {@code host:port}. */
    public static FaultyProxy forwardingTo(String host, int port) {
        return forwardingTo(new InetSocketAddress(host, port));
    }

    /**
     * A proxy that asks {@code broker} where to forward at each new connection. For a broker that must know the
     * proxy's address before it starts (Kafka advertises it), so that the broker's own port comes second.
     */
    public static FaultyProxy forwardingTo(Supplier<InetSocketAddress> broker) {
        if (broker == null) {
            throw new IllegalArgumentException("broker address supplier is null; expected where the proxy forwards to");
        }
        return new FaultyProxy(Upstream.resolvedEachTime(broker));
    }

    /** A SOCKS5 proxy: each connection goes where the client's CONNECT request says. */
    public static FaultyProxy socks5() {
        return new FaultyProxy(Upstream.socks5());
    }

    /** {@code 127.0.0.1:port}: where clients connect (or what they name as their SOCKS5 proxy). */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** The port the proxy listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** Sets how traffic is treated from now on; see {@link Fault}. */
    public void fault(Fault fault) {
        if (fault == null) {
            throw new IllegalArgumentException("fault is null; expected one of Fault's, e.g. Fault.PASS");
        }
        state.set(fault);
        if (fault instanceof Fault.HalfOpen) {
            connections.forEach(ProxiedConnection::abandon);
        }
    }

    /** The fault in effect. */
    public Fault fault() {
        return state.get();
    }

    /** Resets every open connection now (a TCP reset to the client), as a failing link or a broker crash would. */
    public void cut() {
        List.copyOf(connections).forEach(ProxiedConnection::reset);
    }

    /** Connections accepted so far, refused ones included. */
    public int accepted() {
        return accepted.get();
    }

    /** Connections refused so far under {@link Fault#REFUSE}. */
    public int refused() {
        return refused.get();
    }

    /** Connections open now. */
    public int open() {
        return connections.size();
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        closed = true;
        Threads.closeQuietly(server);
        state.set(Fault.PASS); // releases frozen relays so that they end
        List.copyOf(connections).forEach(ProxiedConnection::close);
    }

    @Override
    public String toString() {
        return "FaultyProxy[" + address() + " -> " + upstream + ", " + state.get() + ", " + connections.size() + " open]";
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                // closed (the loop ends), or a failed accept (out of descriptors, say): try again shortly
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
                continue;
            }
            accepted.incrementAndGet();
            Threads.daemon("faulty-proxy-connection-" + client.getPort(), () -> serve(client)).start();
        }
    }

    private void serve(Socket client) {
        ProxiedConnection connection = null;
        try {
            client.setTcpNoDelay(true);
            InetSocketAddress target = upstream.target(client);
            Fault fault = state.awaitNotFrozen(() -> closed);
            if (fault instanceof Fault.Refuse) {
                refused.incrementAndGet();
                upstream.refuse(client);
                return;
            }
            connection = new ProxiedConnection(client, state, connections::remove);
            connections.add(connection);
            if (closed) {
                connection.close(); // close() ran while this one was being set up, and did not see it
                return;
            }
            if (fault instanceof Fault.HalfOpen) {
                connection.abandon();
                connection.start(null);
                return;
            }
            Socket broker = new Socket();
            broker.setTcpNoDelay(true);
            broker.connect(target, 10_000);
            upstream.connected(client);
            connection.start(broker);
        } catch (IOException | RuntimeException e) {
            // a RuntimeException: an upstream that cannot say where to go yet (a broker not started, or closed)
            if (connection != null) {
                connection.close();
            } else {
                Threads.closeQuietly(client);
            }
        }
    }
}
