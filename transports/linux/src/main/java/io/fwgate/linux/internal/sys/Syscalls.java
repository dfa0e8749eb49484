package io.fwgate.linux.internal.sys;

import com.sun.jna.Pointer;

/**
 * The system calls the Linux transports make: the one place native code is reached. {@link JnaSyscalls}
 * calls the C library; tests substitute a fake kernel that reads and writes the same structures.
 * Implementations are thread-safe. Every failure is an {@link ErrnoException}, never a JNA error.
 */
public interface Syscalls {
    /** {@code O_RDWR | O_CLOEXEC}. */
    int OPEN_READ_WRITE = 02 | 02000000;
    /** {@code SOCK_DGRAM}. */
    int SOCK_DGRAM = 2;
    /** {@code MSG_TRUNC}: recvfrom returns the datagram's real length even when it was cut. */
    int MSG_TRUNC = 0x20;
    /** {@code POLLIN}. */
    short POLLIN = 1;

    /**
     * @param path a device node
     * @param flags open flags, e.g. {@link #OPEN_READ_WRITE}
     * @return the file descriptor
     * @throws ErrnoException if the node cannot be opened
     */
    int open(String path, int flags) throws ErrnoException;

    /**
     * Closes a descriptor; a failure to close loses nothing a transport needs, so it is not reported.
     *
     * @param fd the descriptor
     */
    void close(int fd);

    /**
     * @param fd an open device
     * @param request the request number, from {@link Ioctls}
     * @param argument the structure the request reads and writes
     * @return the ioctl's non-negative result (NVMe: the completion's status field)
     * @throws ErrnoException if the kernel refused or failed the request
     */
    int ioctl(int fd, long request, Pointer argument) throws ErrnoException;

    /**
     * @param domain the address family, e.g. {@link SockaddrMctp#AF_MCTP}
     * @param type the socket type, e.g. {@link #SOCK_DGRAM}
     * @param protocol 0
     * @return the socket's descriptor
     * @throws ErrnoException if the kernel has no such family ({@code EAFNOSUPPORT}) or other failures
     */
    int socket(int domain, int type, int protocol) throws ErrnoException;

    /**
     * @param fd a datagram socket
     * @param buffer the message
     * @param length its bytes
     * @param address where it goes
     * @return the bytes sent
     * @throws ErrnoException if it was not sent
     */
    int sendto(int fd, Pointer buffer, int length, KernelStruct address) throws ErrnoException;

    /**
     * @param fd a datagram socket
     * @param buffer where the message goes
     * @param length the buffer's bytes
     * @param flags e.g. {@link #MSG_TRUNC}
     * @param address filled with the sender's address
     * @return the message's bytes
     * @throws ErrnoException if nothing was received
     */
    int recvfrom(int fd, Pointer buffer, int length, int flags, KernelStruct address) throws ErrnoException;

    /**
     * @param fd a descriptor
     * @param events the events to wait for, e.g. {@link #POLLIN}
     * @param timeoutMillis how long to wait at most
     * @return true if one of the events happened, false if the time ran out
     * @throws ErrnoException if polling failed ({@code EINTR}: a signal arrived first)
     */
    boolean poll(int fd, short events, int timeoutMillis) throws ErrnoException;
}
