package io.fwgate.daemon.internal;

import java.io.IOException;

/** A socket call failed: carries errno, named in the message, e.g. {@code bind: EADDRINUSE (address in use)}. */
final class SocketErrorException extends IOException {
    private static final long serialVersionUID = 1L;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EACCES = 13;
    static final int EINVAL = 22;
    static final int ENFILE = 23;
    static final int EMFILE = 24;
    static final int EPIPE = 32;
    static final int ERANGE = 34;
    static final int ENOPROTOOPT = 92;
    static final int EADDRINUSE = 98;
    static final int ECONNRESET = 104;
    static final int ECONNREFUSED = 111;

    private final int errno;

    /**
     * @param call the libc function that failed
     * @param errno its errno
     */
    SocketErrorException(String call, int errno) {
        super(call + ": " + describe(errno));
        this.errno = errno;
    }

    int errno() {
        return errno;
    }

    /** @return the errno's name and meaning, for the errors a socket server meets */
    static String describe(int errno) {
        return switch (errno) {
            case EINTR -> "EINTR (interrupted)";
            case EAGAIN -> "EAGAIN (timed out)";
            case EACCES -> "EACCES (permission denied)";
            case EINVAL -> "EINVAL (invalid argument)";
            case ENFILE -> "ENFILE (too many open files in the system)";
            case EMFILE -> "EMFILE (too many open files)";
            case EPIPE -> "EPIPE (the peer closed the connection)";
            case ERANGE -> "ERANGE (buffer too small)";
            case ENOPROTOOPT -> "ENOPROTOOPT (option not supported by this kernel)";
            case EADDRINUSE -> "EADDRINUSE (address in use)";
            case ECONNRESET -> "ECONNRESET (connection reset by the peer)";
            case ECONNREFUSED -> "ECONNREFUSED (connection refused)";
            case 2 -> "ENOENT (no such file or directory)";
            case 9 -> "EBADF (bad file descriptor)";
            case 20 -> "ENOTDIR (a path component is not a directory)";
            case 30 -> "EROFS (read-only file system)";
            case 88 -> "ENOTSOCK (not a socket)";
            default -> "errno " + errno;
        };
    }
}
