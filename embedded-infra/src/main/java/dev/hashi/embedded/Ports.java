package dev.hashi.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Small helpers for loopback ports. */
public final class Ports {

    private Ports() {}

    /** A port that was free on 127.0.0.1 a moment ago. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /**
     * Fails with a one-line {@link PortInUseException} naming the port and its purpose when something already
     * listens on it.
     */
    public static void requireFree(int port, String purpose) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new PortInUseException(port, purpose);
        }
    }

    /** Thrown when a port needed by a component is already taken. */
    public static final class PortInUseException extends RuntimeException {
        private final int port;

        public PortInUseException(int port, String purpose) {
            super("port " + port + " (" + purpose + ") is already in use");
            this.port = port;
        }

        public int port() {
            return port;
        }
    }
}
