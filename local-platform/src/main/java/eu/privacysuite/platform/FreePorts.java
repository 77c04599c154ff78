package eu.privacysuite.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A loopback port nobody listens on now, for a broker, a database or a test server started on the spot. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port the system just handed out and released; another process could take it before the caller binds it. */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
