package io.fwgate.daemon.internal;

import java.io.IOException;

/**
 * An accepted socket. The handler thread reads, writes and finally closes it; the stopping thread may
 * shut it down meanwhile to wake the handler. Shutdown and close are serialized and a closed descriptor
 * is never touched again, so a number the kernel has handed out anew is never shut down by mistake.
 */
final class FdConnection implements Connection {
    private final UnixSockets sockets;
    private final int fd;
    private boolean closed;

    FdConnection(UnixSockets sockets, int fd) {
        this.sockets = sockets;
        this.fd = fd;
    }

    PeerCredentials peer() throws IOException {
        return sockets.peer(fd);
    }

    void sendTimeout(long millis) throws IOException {
        sockets.sendTimeout(fd, millis);
    }

    @Override
    public boolean awaitInput(long millis) throws IOException {
        return sockets.awaitInput(fd, millis);
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        return sockets.read(fd, buffer);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        sockets.write(fd, bytes);
    }

    /** Ends the input: a waiting handler sees end of stream once it has read what was already sent. */
    synchronized void shutdownInput() {
        if (!closed) {
            sockets.shutdown(fd, Libc.SHUT_RD);
        }
    }

    /** Ends both directions: the client loses any answer still to come. */
    synchronized void abort() {
        if (!closed) {
            sockets.shutdown(fd, Libc.SHUT_RDWR);
        }
    }

    synchronized void close() {
        if (!closed) {
            closed = true;
            sockets.close(fd);
        }
    }
}
