package io.fwgate.daemon.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.fwgate.daemon.DaemonException;
import io.fwgate.daemon.DaemonSettings;
import io.fwgate.daemon.protocol.Protocol.ErrorKind;

/**
 * The socket server: one accepting thread, one handler thread per connection up to the connection
 * limit (a connection beyond it is answered {@code busy} and closed). Calls to one device are
 * serialized by the gateway; calls to different devices run in parallel on their connections' threads.
 *
 * <p>{@link #stop} stops accepting, ends every connection's input so idle handlers leave and new requests
 * are refused, waits up to the stop timeout for calls in flight to finish and answer, then cuts the
 * connections still busy. Thread-safe.
 */
final class DaemonServer {
    private static final int BACKLOG = 64;

    private final UnixSockets sockets;
    private final Dispatcher dispatcher;
    private final DaemonSettings settings;
    private final Log log;
    private final Semaphore slots;
    private final Set<FdConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService handlers;
    private int listening = -1;
    private Thread acceptor;

    DaemonServer(UnixSockets sockets, Dispatcher dispatcher, DaemonSettings settings, Log log) {
        this.sockets = sockets;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.log = log;
        this.slots = new Semaphore(settings.maxConnections());
        this.handlers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fwgate-connection-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Binds, protects and listens on the socket, then accepts on a thread of its own.
     *
     * @throws DaemonException if the socket cannot be made
     */
    synchronized void start() throws DaemonException {
        Path path = settings.socket();
        if (SocketFile.clear(path)) {
            log.info("removed the stale socket " + path + " (no daemon answered on it)");
        }
        int fd;
        try {
            fd = sockets.bind(path);
        } catch (IOException | IllegalArgumentException e) {
            throw new DaemonException("cannot create the socket " + path + ": " + e.getMessage(), e);
        }
        try {
            if (SocketFile.protect(path, settings.socketGroup(), settings.socketMode()).isEmpty()) {
                log.info("no group " + settings.socketGroup() + " on this host: " + path
                        + " keeps the daemon's own group");
            }
            sockets.listen(fd, BACKLOG);
        } catch (DaemonException | IOException e) {
            sockets.close(fd);
            deleteSocket();
            throw e instanceof DaemonException d ? d
                    : new DaemonException("cannot listen on " + path + ": " + e.getMessage(), e);
        }
        listening = fd;
        acceptor = new Thread(this::acceptLoop, "fwgate-accept");
        acceptor.start();
    }

    private void acceptLoop() {
        while (!stopping.get()) {
            int fd;
            try {
                fd = sockets.accept(listening);
            } catch (IOException e) {
                if (!stopping.get()) {
                    log.problem("accept failed, still listening: " + e.getMessage());
                    pauseAfterFailure();
                }
                continue;
            }
            admit(new FdConnection(sockets, fd));
        }
    }

    /** Out of descriptors or memory, accept fails at once again: give the handlers time to free some. */
    private void pauseAfterFailure() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.set(true);
        }
    }

    private void admit(FdConnection connection) {
        if (stopping.get() || !slots.tryAcquire()) {
            boolean busy = !stopping.get();
            refuse(connection, busy ? ErrorKind.BUSY : ErrorKind.SHUTTING_DOWN, busy
                    ? "the daemon serves " + settings.maxConnections() + " connections already, its limit; try again"
                    : "the daemon is stopping");
            return;
        }
        open.add(connection);
        try {
            handlers.execute(() -> serve(connection));
        } catch (RuntimeException e) {
            release(connection);
            throw e;
        }
    }

    private void refuse(FdConnection connection, ErrorKind kind, String message) {
        try {
            connection.sendTimeout(settings.readTimeout().toMillis());
            connection.write(Responses.error(null, kind, message));
        } catch (IOException e) {
            // the client left already; it would learn nothing more
        } finally {
            connection.close();
        }
    }

    private void serve(FdConnection connection) {
        PeerCredentials peer = null;
        try {
            peer = connection.peer();
            connection.sendTimeout(settings.readTimeout().toMillis());
            LineReader reader = new LineReader(connection, settings.maxRequestBytes(), settings.readTimeout(),
                    settings.idleTimeout(), System::nanoTime);
            new ConnectionHandler(connection, reader, dispatcher, stopping::get).serve(peer.caller());
        } catch (IdleConnectionException e) {
            // an idle client is simply let go
        } catch (IOException e) {
            if (!stopping.get()) {
                log.problem("connection of " + (peer == null ? "an unknown peer" : peer) + " ended: " + e.getMessage());
            }
        } finally {
            release(connection);
        }
    }

    private void release(FdConnection connection) {
        open.remove(connection);
        connection.close();
        slots.release();
    }

    /**
     * Stops gracefully; returns when every handler has finished or the stop timeout has passed.
     *
     * @return how many connections were still busy at the timeout and were cut
     */
    int stop() {
        if (!stopping.compareAndSet(false, true)) {
            return 0;
        }
        synchronized (this) {
            if (listening >= 0) {
                sockets.shutdown(listening, Libc.SHUT_RDWR); // wakes accept with EINVAL
                joinAcceptor();
                sockets.close(listening);
                listening = -1;
                deleteSocket();
            }
        }
        open.forEach(FdConnection::shutdownInput);
        handlers.shutdown();
        try {
            if (handlers.awaitTermination(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int cut = open.size();
        open.forEach(FdConnection::abort);
        return cut;
    }

    private void joinAcceptor() {
        try {
            acceptor.join(settings.stopTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deleteSocket() {
        try {
            Files.deleteIfExists(settings.socket());
        } catch (IOException e) {
            log.problem("cannot remove the socket " + settings.socket() + ": " + e.getMessage());
        }
    }
}
