package io.fwgate.daemon.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.fwgate.daemon.DaemonException;
import io.fwgate.daemon.DaemonSettings;
import io.fwgate.platform.Gateway;

/** A daemon server over a gateway for tests in other packages; problems are thrown, not logged. */
public final class TestDaemon {
    private final DaemonServer server;

    private TestDaemon(DaemonServer server) {
        this.server = server;
    }

    /**
     * @param gateway the platform to serve
     * @param socket where to listen, mode 0600
     * @return the running daemon
     * @throws IOException if libc cannot be loaded
     * @throws DaemonException if the socket cannot be made
     */
    public static TestDaemon start(Gateway gateway, Path socket) throws IOException, DaemonException {
        Log log = new Log() {
            @Override
            public void info(String line) {
            }

            @Override
            public void problem(String line) {
                throw new AssertionError("daemon problem: " + line);
            }
        };
        DaemonSettings settings = DaemonSettings.fromProperties(socket, name -> null);
        DaemonServer server = new DaemonServer(UnixSockets.load(), new Dispatcher(gateway, log),
                new DaemonSettings(socket, "no-such-group-fwgate-test", DaemonSettings.mode("0600"),
                        settings.maxRequestBytes(), settings.readTimeout(), settings.idleTimeout(), 8,
                        Duration.ofSeconds(5)),
                log);
        server.start();
        return new TestDaemon(server);
    }

    public void stop() {
        server.stop();
    }
}
