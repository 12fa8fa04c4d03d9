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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/** One client connection and its connection to the broker, relayed both ways under the proxy's fault. */
final class ProxiedConnection {
    private static final int CHUNK = 16 * 1024;

    private final Socket client;
    private final FaultState state;
    private final Consumer<ProxiedConnection> onClose;
    private volatile Socket broker;
    /** Half-open: the broker side is gone, the client side is kept open and never answered. */
    private volatile boolean abandoned;
    private volatile boolean closed;

    ProxiedConnection(Socket client, FaultState state, Consumer<ProxiedConnection> onClose) {
        this.client = client;
        this.state = state;
        this.onClose = onClose;
    }

    /** Starts relaying; with no broker socket (half-open from the start), only drains the client. */
    void start(Socket broker) {
        this.broker = broker;
        Threads.daemon("faulty-proxy-up-" + client.getPort(), () -> relay(client, broker, false)).start();
        if (broker != null) {
            Threads.daemon("faulty-proxy-down-" + client.getPort(), () -> relay(broker, client, true)).start();
        }
    }

    /** Goes half-open: closes the broker side, keeps the client side open, drops its bytes from now on. */
    void abandon() {
        abandoned = true;
        Socket toBroker = broker;
        if (toBroker != null) {
            Threads.closeQuietly(toBroker);
        }
    }

    /** Resets the client's connection (a TCP reset, not a clean close) and closes the broker side. */
    void reset() {
        try {
            client.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed: nothing to reset
        }
        close();
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        Threads.closeQuietly(client);
        Socket toBroker = broker;
        if (toBroker != null) {
            Threads.closeQuietly(toBroker);
        }
        onClose.accept(this);
    }

    private void relay(Socket from, Socket to, boolean replies) {
        byte[] buffer = new byte[CHUNK];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to == null ? null : to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                Fault fault = state.awaitNotFrozen(() -> closed); // bytes read meanwhile wait here, in order
                if (abandoned || fault instanceof Fault.HalfOpen) {
                    if (!abandoned) {
                        abandon();
                    }
                    continue; // dropped for good
                }
                if (replies && fault instanceof Fault.SwallowReplies) {
                    continue;
                }
                if (fault instanceof Fault.Slow slow) {
                    pace(slow, n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // a reset or closed socket ends this direction
        } finally {
            // a half-open connection keeps the client's side open: when the broker's side ends, nothing more
            if (!(replies && abandoned)) {
                close();
            }
        }
    }

    private static void pace(Fault.Slow slow, int bytes) {
        Duration latency = slow.latency();
        long wait = latency.toNanos() + TimeUnit.SECONDS.toNanos(1) * bytes / slow.bytesPerSecond();
        long until = System.nanoTime() + wait;
        for (long left = wait; left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
