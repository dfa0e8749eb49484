package io.fwgate.daemon;

import java.io.PrintWriter;

import io.fwgate.daemon.internal.DaemonRunner;
import io.fwgate.platform.Gateway;

/**
 * Runs the daemon in the foreground: listens on the settings' socket, prints
 * {@code fwgate daemon ready: <socket>} (and tells systemd {@code READY=1} when {@code NOTIFY_SOCKET} is
 * set), serves until the JVM is asked to stop (SIGTERM, SIGINT), then stops gracefully: no new
 * connections or requests, calls in flight finish and answer within the stop timeout, the socket file is
 * removed. The caller stops the platform after this returns, which closes the audit log (every record
 * is already on disk).
 */
public final class Daemon {
    private Daemon() {
    }

    /**
     * @param gateway the platform
     * @param settings the socket and the limits
     * @param out lifecycle lines, the ready line among them
     * @param err problems, one line each
     * @return 0 after a graceful stop; 1 if the daemon could not start (the reason is on {@code err})
     */
    public static int run(Gateway gateway, DaemonSettings settings, PrintWriter out, PrintWriter err) {
        return DaemonRunner.run(gateway, settings, out, err);
    }
}
