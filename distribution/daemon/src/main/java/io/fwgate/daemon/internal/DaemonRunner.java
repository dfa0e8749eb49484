package io.fwgate.daemon.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

import io.fwgate.daemon.DaemonException;
import io.fwgate.daemon.DaemonSettings;
import io.fwgate.platform.Gateway;

/** What {@link io.fwgate.daemon.Daemon#run} does; public only for that class. */
public final class DaemonRunner {
    private static final int STARTED_AND_STOPPED = 0;
    private static final int FAILED = 1;

    private DaemonRunner() {
    }

    /** @see io.fwgate.daemon.Daemon#run */
    public static int run(Gateway gateway, DaemonSettings settings, PrintWriter out, PrintWriter err) {
        Log log = new Log() {
            @Override
            public void info(String line) {
                out.println("fwgate daemon: " + line);
            }

            @Override
            public void problem(String line) {
                err.println("fwgate daemon: " + line);
            }
        };
        UnixSockets sockets;
        DaemonServer server;
        try {
            sockets = UnixSockets.load();
            server = new DaemonServer(sockets, new Dispatcher(gateway, log), settings, log);
            server.start();
        } catch (IOException | DaemonException e) {
            err.println("fwgate: cannot start the daemon: " + e.getMessage());
            return FAILED;
        }
        String notify = System.getenv(SdNotify.ENVIRONMENT);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping: no new connections; calls in flight get " + settings.stopTimeout().toMillis()
                    + " ms to finish");
            tell(sockets, notify, "STOPPING=1", log);
            int cut = server.stop();
            log.info(cut == 0 ? "stopped" : "stopped; " + cut + " connections still in a call were cut off");
            stopped.countDown();
        }, "fwgate-daemon-stop"));
        log.info("listening on " + settings.socket() + " (mode " + settings.modeText() + "), at most "
                + settings.maxConnections() + " connections, requests up to " + settings.maxRequestBytes() + " bytes");
        // the one line scripts and tests wait for: nothing follows the path
        out.println("fwgate daemon ready: " + settings.socket());
        tell(sockets, notify, "READY=1", log);
        try {
            stopped.await();
            return STARTED_AND_STOPPED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
            return FAILED;
        }
    }

    private static void tell(UnixSockets sockets, String notify, String state, Log log) {
        if (notify == null || notify.isEmpty()) {
            return;
        }
        try {
            SdNotify.send(sockets, notify, state);
        } catch (IOException e) {
            log.problem("cannot tell systemd " + state + " through " + notify + ": " + e.getMessage());
        }
    }
}
