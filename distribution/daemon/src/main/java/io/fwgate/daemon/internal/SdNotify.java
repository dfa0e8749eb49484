package io.fwgate.daemon.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * systemd's readiness protocol (sd_notify(3)): one datagram such as {@code READY=1} to the Unix socket
 * named by {@code NOTIFY_SOCKET}, a path or {@code @} and an abstract name.
 */
final class SdNotify {
    static final String ENVIRONMENT = "NOTIFY_SOCKET";

    private SdNotify() {
    }

    /**
     * @param sockets libc
     * @param address the value of {@code NOTIFY_SOCKET}
     * @param state e.g. {@code READY=1} or {@code STOPPING=1}
     * @throws IOException if the datagram cannot be sent
     */
    static void send(UnixSockets sockets, String address, String state) throws IOException {
        try {
            sockets.sendDatagram(address, state.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(ENVIRONMENT + " " + e.getMessage(), e);
        }
    }
}
