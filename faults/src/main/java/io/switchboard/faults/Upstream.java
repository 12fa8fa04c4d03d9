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

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Where a proxied connection goes: one fixed broker address, or where a SOCKS5 client asks. */
abstract class Upstream {
    /** SOCKS5 reply: succeeded, bound to 0.0.0.0:0. */
    private static final byte[] SOCKS_SUCCEEDED = {5, 0, 0, 1, 0, 0, 0, 0, 0, 0};

    /** The address the client's connection should reach; reads a SOCKS5 request if there is one. */
    abstract InetSocketAddress target(Socket client) throws IOException;

    /** Tells the client its connection is through (SOCKS5's reply); nothing for plain forwarding. */
    abstract void connected(Socket client) throws IOException;

    /** Refuses the client's connection the way this kind of proxy can. */
    abstract void refuse(Socket client) throws IOException;

    static Upstream fixed(InetSocketAddress broker) {
        return resolvedEachTime(() -> broker);
    }

    /** Asks {@code broker} at each new connection: for a broker whose port is only known after the proxy's. */
    static Upstream resolvedEachTime(Supplier<InetSocketAddress> broker) {
        return new Upstream() {
            @Override
            InetSocketAddress target(Socket client) {
                return broker.get();
            }

            @Override
            void connected(Socket client) {
            }

            @Override
            void refuse(Socket client) throws IOException {
                client.setSoLinger(true, 0); // a reset, as from a port nobody listens on
                client.close();
            }

            @Override
            public String toString() {
                InetSocketAddress address = broker.get();
                return address.getHostString() + ":" + address.getPort();
            }
        };
    }

    static Upstream socks5() {
        return new Upstream() {
            /** The SOCKS5 greeting (no authentication) and a CONNECT request. */
            @Override
            InetSocketAddress target(Socket client) throws IOException {
                DataInputStream in = new DataInputStream(client.getInputStream());
                OutputStream out = client.getOutputStream();
                requireVersion(in.readUnsignedByte());
                in.skipNBytes(in.readUnsignedByte()); // the methods offered
                out.write(new byte[]{5, 0});
                out.flush();
                requireVersion(in.readUnsignedByte());
                int command = in.readUnsignedByte();
                if (command != 1) {
                    throw new IOException("SOCKS5 command " + command + " is not supported; only CONNECT (1) is");
                }
                in.readUnsignedByte(); // reserved
                InetAddress address = switch (in.readUnsignedByte()) {
                    case 1 -> InetAddress.getByAddress(in.readNBytes(4));
                    case 4 -> InetAddress.getByAddress(in.readNBytes(16));
                    default -> InetAddress.getByName(new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII));
                };
                return new InetSocketAddress(address, in.readUnsignedShort());
            }

            @Override
            void connected(Socket client) throws IOException {
                client.getOutputStream().write(SOCKS_SUCCEEDED);
                client.getOutputStream().flush();
            }

            /** Accepts the handshake, then closes: a refused handshake leaves some clients (Pulsar's) waiting. */
            @Override
            void refuse(Socket client) throws IOException {
                connected(client);
                client.close();
            }

            private void requireVersion(int version) throws IOException {
                if (version != 5) {
                    throw new IOException("SOCKS version " + version + " is not supported; only 5 is");
                }
            }

            @Override
            public String toString() {
                return "SOCKS5";
            }
        };
    }
}
