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
package io.switchboard.pulsar;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A SOCKS5 proxy between a Pulsar client and the broker that can misbehave on command, for failures a clean broker
 * stop cannot produce: the broker stores a message but its answer never arrives ({@link Mode#SWALLOW_REPLIES}), or
 * the broker is unreachable while it keeps running ({@link Mode#REFUSE}). Clients use it with
 * {@code pulsar.client.socks5ProxyAddress=}{@link #address()}; Pulsar's client sends every connection through it.
 */
final class FaultyProxy implements AutoCloseable {
    /** How the proxy treats traffic. */
    enum Mode {
        /** Relays both ways. */
        PASS,
        /** Relays the client's bytes to the broker but drops the broker's answers. */
        SWALLOW_REPLIES,
        /**
         * Lets no connection reach the broker: each is closed right after the proxy handshake, as by a broker that
         * is going away. (Refusing the handshake itself leaves Pulsar 4.0's client waiting forever.)
         */
        REFUSE
    }

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Mode mode = Mode.PASS;
    private volatile boolean closed;

    FaultyProxy() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot listen on the loopback interface", e);
        }
        daemon("faulty-proxy-accept", this::acceptLoop).start();
    }

    /** {@code 127.0.0.1:port}, the value of {@code pulsar.client.socks5ProxyAddress}. */
    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** How many connections were refused so far. */
    int refused() {
        return refused.get();
    }

    /** Changes how traffic is treated from now on (open connections included). */
    void mode(Mode mode) {
        this.mode = mode;
    }

    /** Closes every open connection, as a network failure would; the client reconnects through the proxy. */
    void cutAll() {
        for (Socket socket : sockets) {
            quietlyClose(socket);
        }
        sockets.clear();
    }

    @Override
    public void close() {
        closed = true;
        quietlyClose(server);
        cutAll();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                daemon("faulty-proxy-connection", () -> serve(client)).start();
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    /** The SOCKS5 handshake (no authentication, CONNECT only), then relaying. */
    private void serve(Socket client) {
        Socket broker = null;
        try {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            in.readUnsignedByte(); // version 5
            in.skipNBytes(in.readUnsignedByte()); // the offered methods
            out.write(new byte[]{5, 0});
            in.readUnsignedByte(); // version
            in.readUnsignedByte(); // command: CONNECT
            in.readUnsignedByte(); // reserved
            InetAddress address = switch (in.readUnsignedByte()) {
                case 1 -> InetAddress.getByAddress(in.readNBytes(4));
                case 4 -> InetAddress.getByAddress(in.readNBytes(16));
                default -> InetAddress.getByName(new String(in.readNBytes(in.readUnsignedByte()),
                        java.nio.charset.StandardCharsets.US_ASCII));
            };
            int port = in.readUnsignedShort();
            if (mode == Mode.REFUSE) {
                refused.incrementAndGet();
                out.write(new byte[]{5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
                out.flush();
                quietlyClose(client);
                return;
            }
            broker = new Socket();
            broker.connect(new InetSocketAddress(address, port), 5_000);
            sockets.add(broker);
            out.write(new byte[]{5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
            out.flush();
            Socket upstream = broker;
            daemon("faulty-proxy-up", () -> relay(client, upstream, false)).start();
            relay(upstream, client, true);
        } catch (IOException e) {
            quietlyClose(client);
            if (broker != null) {
                quietlyClose(broker);
            }
        }
    }

    private void relay(Socket from, Socket to, boolean replies) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (replies && mode == Mode.SWALLOW_REPLIES) {
                    continue;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // a cut connection ends the relay
        } finally {
            quietlyClose(from);
            quietlyClose(to);
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void quietlyClose(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing is best effort
        }
    }
}
