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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FaultyProxyTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** How long "nothing arrives" is watched: a correct proxy forwards nothing however long one waits. */
    private static final int QUIET_MILLIS = 300;

    private EchoServer echo;
    private FaultyProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new EchoServer();
        proxy = FaultyProxy.forwardingTo(echo.address());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    @DisplayName("PASS relays both ways")
    void passRelays() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "hello")).isEqualTo("hello");
        }
        assertThat(proxy.accepted()).isEqualTo(1);
    }

    @Test
    @DisplayName("a proxy made before its broker asks where to forward at each connection")
    void targetResolvedPerConnection() throws IOException {
        AtomicReference<InetSocketAddress> target = new AtomicReference<>();
        try (FaultyProxy first = FaultyProxy.forwardingTo(target::get); EchoServer later = new EchoServer()) {
            target.set(later.address());
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress("127.0.0.1", first.port()), 10_000);
                assertThat(roundTrip(client, "through")).isEqualTo("through");
            }
            assertThat(later.received.get()).isEqualTo("through".length());
        }
    }

    @Test
    @DisplayName("FREEZE forwards nothing and keeps the connection; what was sent flows, in order, when it passes again")
    void freezeHoldsThenFlows() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "before")).isEqualTo("before");
            proxy.fault(Fault.FREEZE);
            client.getOutputStream().write("one-".getBytes(StandardCharsets.UTF_8));
            client.getOutputStream().write("two".getBytes(StandardCharsets.UTF_8));
            assertThat(readWithin(client, QUIET_MILLIS)).isEmpty();
            assertThat(echo.received.get()).isEqualTo("before".length());

            proxy.fault(Fault.PASS);
            assertThat(read(client, "one-two".length())).isEqualTo("one-two");
        }
    }

    @Test
    @DisplayName("SWALLOW_REPLIES delivers the client's bytes to the broker and drops its answers")
    void swallowReplies() throws IOException {
        try (Socket client = connect()) {
            proxy.fault(Fault.SWALLOW_REPLIES);
            client.getOutputStream().write("request".getBytes(StandardCharsets.UTF_8));
            await().atMost(PATIENCE).until(() -> echo.received.get() == "request".length());
            assertThat(readWithin(client, QUIET_MILLIS)).isEmpty();
        }
    }

    @Test
    @DisplayName("cut() resets every open connection; new ones pass")
    void cutResets() throws IOException {
        try (Socket client = connect()) {
            roundTrip(client, "x");
            proxy.cut();
            assertEnded(client);
        }
        await().atMost(PATIENCE).until(() -> proxy.open() == 0);
        try (Socket again = connect()) {
            assertThat(roundTrip(again, "after")).isEqualTo("after");
        }
    }

    @Test
    @DisplayName("REFUSE resets new connections and leaves open ones working")
    void refuseNewConnections() throws IOException {
        try (Socket open = connect()) {
            roundTrip(open, "a");
            proxy.fault(Fault.REFUSE);
            try (Socket refused = connect()) {
                assertEnded(refused);
            } catch (SocketException e) {
                // the proxy's reset can reach the client while its connect call is still returning: refused as well
                assertThat(e).hasMessageContaining("reset");
            }
            assertThat(proxy.refused()).isEqualTo(1);
            assertThat(roundTrip(open, "still")).isEqualTo("still");
        }
    }

    @Test
    @DisplayName("HALF_OPEN closes the broker's side, keeps the client's open and silent, also after PASS")
    void halfOpen() throws IOException {
        try (Socket client = connect()) {
            roundTrip(client, "a");
            proxy.fault(Fault.HALF_OPEN);
            await("the broker saw its connection end").atMost(PATIENCE).until(() -> echo.ended.get() == 1);
            client.getOutputStream().write("lost".getBytes(StandardCharsets.UTF_8));
            proxy.fault(Fault.PASS);
            client.getOutputStream().write("lost too".getBytes(StandardCharsets.UTF_8));
            assertThat(readWithin(client, QUIET_MILLIS)).isEmpty(); // no reply, and no end of stream either
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    @DisplayName("A slow link delays each chunk by its latency and limits the rate")
    void slowLink() throws IOException {
        try (Socket client = connect()) {
            proxy.fault(Fault.slow(64 * 1024, Duration.ofMillis(100)));
            long start = System.nanoTime();
            String payload = "z".repeat(16 * 1024);
            assertThat(roundTrip(client, payload)).isEqualTo(payload);
            // both directions: at least two latencies and 2 x 16 KiB at 64 KiB/s
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
    }

    @Test
    @DisplayName("As a SOCKS5 proxy it relays to the address each client asks for")
    void socks5() throws IOException {
        try (FaultyProxy socks = FaultyProxy.socks5();
             Socket client = new Socket(new Proxy(Proxy.Type.SOCKS, new InetSocketAddress("127.0.0.1", socks.port())))) {
            client.connect(echo.address(), 10_000);
            assertThat(roundTrip(client, "via socks")).isEqualTo("via socks");
            assertThat(socks.accepted()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("A null fault is refused with what to pass instead")
    void nullFault() {
        assertThatThrownBy(() -> proxy.fault(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Fault.PASS");
        assertThatThrownBy(() -> Fault.slow(0, Duration.ZERO)).hasMessageContaining("bytesPerSecond is 0");
    }

    /** The connection was reset or closed: reading it ends at once, never with data. */
    private static void assertEnded(Socket client) {
        assertThatThrownBy(() -> {
            client.setSoTimeout((int) PATIENCE.toMillis());
            if (client.getInputStream().read() < 0) {
                throw new IOException("end of stream");
            }
        }).isInstanceOf(IOException.class);
    }

        private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 10_000);
        return socket;
    }

    private static String roundTrip(Socket client, String text) throws IOException {
        client.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().flush();
        return read(client, text.length());
    }

    private static String read(Socket client, int length) throws IOException {
        client.setSoTimeout((int) PATIENCE.toMillis());
        byte[] bytes = client.getInputStream().readNBytes(length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** What arrives within {@code millis}: empty if nothing (and no end of stream) did. */
    private static String readWithin(Socket client, int millis) throws IOException {
        client.setSoTimeout(millis);
        InputStream in = client.getInputStream();
        byte[] buffer = new byte[1024];
        try {
            int n = in.read(buffer);
            return n < 0 ? "<end of stream>" : new String(buffer, 0, n, StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            return "";
        }
    }
}
