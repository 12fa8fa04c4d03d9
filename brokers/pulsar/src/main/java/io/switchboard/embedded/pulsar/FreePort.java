package io.switchboard.embedded.pulsar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds a TCP port on the loopback interface that nobody listens on right now.
 *
 * <p>Only the bookie needs this: its identity is {@code ip:port}, so its port has to be known before it starts
 * and kept for every restart. The broker's ports are chosen by binding to port 0 instead, which has no race.
 */
final class FreePort {

    private FreePort() {
    }

    static int onLoopback() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }
}
