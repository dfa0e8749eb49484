package io.fwgate.daemon.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.IntByReference;

/**
 * Unix domain sockets through libc: what the JDK's channels do not offer, the peer's numeric
 * credentials ({@code SO_PEERCRED}, {@code SO_PEERGROUPS}) and datagrams ({@code sd_notify}). Descriptors
 * are plain ints owned by the caller. Every failure is a {@link SocketErrorException} naming the call and
 * errno; EINTR is retried. Thread-safe (libc's calls are).
 */
final class UnixSockets {
    /** Room for the peer's supplementary groups on the first try; the kernel says how much more it needs. */
    private static final int GROUPS_GUESS = 64;
    private static final int GID_SIZE = 4;

    private final Libc libc;

    private UnixSockets(Libc libc) {
        this.libc = libc;
    }

    /**
     * Loads libc through JNA.
     *
     * @return the sockets
     * @throws IOException if JNA or its native part cannot be loaded here
     */
    static UnixSockets load() throws IOException {
        try {
            return new UnixSockets(Native.load("c", Libc.class));
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IOException("cannot load libc through JNA (needed for peer credentials): " + e.getMessage(), e);
        }
    }

    /**
     * Creates a stream socket bound to {@code path}; not yet listening, so nobody can connect while the
     * caller sets the socket file's owner and mode.
     *
     * @param path where the socket file is created; it must not exist
     * @return the descriptor
     * @throws IOException if the socket cannot be created or bound
     * @throws IllegalArgumentException if the path does not fit a socket address
     */
    int bind(Path path) throws IOException {
        SockaddrUn address = new SockaddrUn(path.toString());
        int fd = call("socket", () -> libc.socket(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0));
        try {
            call("bind " + path, () -> libc.bind(fd, address, address.length()));
            return fd;
        } catch (IOException e) {
            close(fd);
            throw e;
        }
    }

    void listen(int fd, int backlog) throws IOException {
        call("listen", () -> libc.listen(fd, backlog));
    }

    /**
     * Waits for a connection. {@link #shutdown}(fd, SHUT_RDWR) from another thread ends the wait with
     * EINVAL (Linux).
     *
     * @return the connection's descriptor, close-on-exec
     * @throws IOException if accept fails
     */
    int accept(int fd) throws IOException {
        return call("accept", () -> libc.accept4(fd, null, null, Libc.SOCK_CLOEXEC));
    }

    /**
     * @param fd a connected Unix stream socket
     * @return who connected, as the kernel recorded it at connect()
     * @throws IOException if the credentials cannot be read
     */
    PeerCredentials peer(int fd) throws IOException {
        Ucred ucred = new Ucred();
        IntByReference length = new IntByReference(ucred.size());
        call("getsockopt SO_PEERCRED", () -> libc.getsockopt(fd, Libc.SOL_SOCKET, Libc.SO_PEERCRED,
                ucred.getPointer(), length));
        ucred.read();
        return new PeerCredentials(ucred.pid, ucred.uid(), ucred.gid(), groups(fd));
    }

    private long[] groups(int fd) throws IOException {
        int size = GROUPS_GUESS * GID_SIZE;
        while (true) {
            Memory buffer = new Memory(size);
            IntByReference length = new IntByReference(size);
            try {
                call("getsockopt SO_PEERGROUPS", () -> libc.getsockopt(fd, Libc.SOL_SOCKET, Libc.SO_PEERGROUPS,
                        buffer, length));
                return gids(buffer.getByteArray(0, length.getValue()));
            } catch (SocketErrorException e) {
                if (e.errno() != SocketErrorException.ERANGE || length.getValue() <= size) {
                    throw e;
                }
                size = length.getValue(); // the kernel wrote the size it needs
            }
        }
    }

    /**
     * @param raw what SO_PEERGROUPS wrote: gid_t values (u32) in native byte order
     * @return the group ids, unsigned
     */
    static long[] gids(byte[] raw) {
        ByteBuffer in = ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder());
        long[] gids = new long[raw.length / GID_SIZE];
        for (int i = 0; i < gids.length; i++) {
            gids[i] = Integer.toUnsignedLong(in.getInt());
        }
        return gids;
    }

    /**
     * @param fd a socket
     * @param millis how long a blocked write may wait for the peer to read before failing with EAGAIN
     * @throws IOException if the option cannot be set
     */
    void sendTimeout(int fd, long millis) throws IOException {
        Timeval timeout = new Timeval(millis);
        call("setsockopt SO_SNDTIMEO", () -> libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_SNDTIMEO,
                timeout.getPointer(), timeout.size()));
    }

    /**
     * @param fd a socket
     * @param millis how long to wait, at least 0
     * @return true if input (or end of stream, or an error) is ready; false if the time ran out
     * @throws IOException if poll fails
     */
    boolean awaitInput(int fd, long millis) throws IOException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (true) {
            PollFd poll = new PollFd(fd, Libc.POLLIN);
            int wait = (int) Math.max(0, Math.min(Integer.MAX_VALUE, (deadline - System.nanoTime()) / 1_000_000));
            try {
                return libc.poll(poll, 1, wait) > 0;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != SocketErrorException.EINTR) {
                    throw new SocketErrorException("poll", e.getErrorCode());
                }
            }
        }
    }

    /**
     * @return bytes read into the start of {@code buffer}, or -1 at end of stream
     * @throws IOException if the read fails
     */
    int read(int fd, byte[] buffer) throws IOException {
        long read = callLong("recv", () -> libc.recv(fd, buffer, new NativeLong(buffer.length), 0));
        return read == 0 ? -1 : (int) read;
    }

    /**
     * Writes all of {@code bytes}.
     *
     * @throws IOException if the peer is gone, or did not read within the send timeout (EAGAIN)
     */
    void write(int fd, byte[] bytes) throws IOException {
        int done = 0;
        while (done < bytes.length) {
            byte[] rest = done == 0 ? bytes : Arrays.copyOfRange(bytes, done, bytes.length);
            done += (int) callLong("send", () -> libc.send(fd, rest, new NativeLong(rest.length), Libc.MSG_NOSIGNAL));
        }
    }

    /**
     * Sends one datagram to a Unix datagram socket, as {@code sd_notify} does.
     *
     * @param address a socket path, or {@code @name} for an abstract address
     * @param message the datagram
     * @throws IOException if it cannot be sent
     */
    void sendDatagram(String address, byte[] message) throws IOException {
        SockaddrUn to = new SockaddrUn(address);
        int fd = call("socket", () -> libc.socket(Libc.AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0));
        try {
            callLong("sendto " + address, () -> libc.sendto(fd, message, new NativeLong(message.length),
                    Libc.MSG_NOSIGNAL, to, to.length()));
        } finally {
            close(fd);
        }
    }

    /** Shuts down one or both directions; errors are ignored: this only wakes or hurries a peer. */
    void shutdown(int fd, int how) {
        try {
            libc.shutdown(fd, how);
        } catch (LastErrorException e) {
            // ENOTCONN when the peer already left: nothing to wake
        }
    }

    /** Closes a descriptor; Linux frees it even when close reports an error, so there is nothing to retry. */
    void close(int fd) {
        try {
            libc.close(fd);
        } catch (LastErrorException e) {
            // the descriptor is released either way
        }
    }

    private interface IntCall {
        int run();
    }

    private interface LongCall {
        NativeLong run();
    }

    private static int call(String name, IntCall call) throws IOException {
        while (true) {
            try {
                return call.run();
            } catch (LastErrorException e) {
                if (e.getErrorCode() != SocketErrorException.EINTR) {
                    throw new SocketErrorException(name, e.getErrorCode());
                }
            }
        }
    }

    private static long callLong(String name, LongCall call) throws IOException {
        return call(name, () -> call.run().intValue());
    }
}
