package io.switchboard.embedded.pulsar;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/** Checks from the outside whether something listens at a URL's host and port. */
final class TcpProbe {

    private TcpProbe() {
    }

    static boolean acceptsConnections(String url) {
        URI uri = URI.create(url);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
