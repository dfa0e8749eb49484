package io.fwgate.daemon.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The libc socket calls the daemon needs (Linux, glibc or musl). Every call reports failure as a
 * {@link LastErrorException} carrying errno; {@link UnixSockets} maps those. Loaded only by
 * {@link UnixSockets#load()}.
 */
public interface Libc extends Library {
    /** {@code AF_UNIX} (bits/socket.h). */
    int AF_UNIX = 1;
    /** {@code SOCK_STREAM}. */
    int SOCK_STREAM = 1;
    /** {@code SOCK_DGRAM}. */
    int SOCK_DGRAM = 2;
    /** {@code SOCK_CLOEXEC} = 02000000: no descriptor leaks into a child process. */
    int SOCK_CLOEXEC = 0x80000;
    /** {@code SOL_SOCKET} (asm-generic/socket.h). */
    int SOL_SOCKET = 1;
    /** {@code SO_PEERCRED}: {@link Ucred} of the peer as of connect(). */
    int SO_PEERCRED = 17;
    /** {@code SO_SNDTIMEO} ({@code SO_SNDTIMEO_OLD}, a {@link Timeval} of native longs on 64-bit). */
    int SO_SNDTIMEO = 21;
    /** {@code SO_PEERGROUPS} (Linux 4.13+): the peer's supplementary groups, an array of gid_t. */
    int SO_PEERGROUPS = 59;
    /** {@code MSG_NOSIGNAL}: a write to a closed peer fails with EPIPE instead of raising SIGPIPE. */
    int MSG_NOSIGNAL = 0x4000;
    /** {@code SHUT_RD}. */
    int SHUT_RD = 0;
    /** {@code SHUT_RDWR}. */
    int SHUT_RDWR = 2;
    /** {@code POLLIN}. */
    short POLLIN = 0x1;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, SockaddrUn address, int length) throws LastErrorException;

    int listen(int fd, int backlog) throws LastErrorException;

    int accept4(int fd, Pointer address, Pointer length, int flags) throws LastErrorException;

    int getsockopt(int fd, int level, int name, Pointer value, IntByReference length) throws LastErrorException;

    int setsockopt(int fd, int level, int name, Pointer value, int length) throws LastErrorException;

    int poll(PollFd fds, int count, int timeoutMillis) throws LastErrorException;

    NativeLong recv(int fd, byte[] buffer, NativeLong length, int flags) throws LastErrorException;

    NativeLong send(int fd, byte[] buffer, NativeLong length, int flags) throws LastErrorException;

    NativeLong sendto(int fd, byte[] buffer, NativeLong length, int flags, SockaddrUn address, int addressLength)
            throws LastErrorException;

    int shutdown(int fd, int how) throws LastErrorException;

    int close(int fd) throws LastErrorException;
}
