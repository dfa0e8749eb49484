package io.fwgate.linux.internal.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/** {@link Syscalls} through JNA and the C library. Thread-safe; one instance per class loader. */
public final class JnaSyscalls implements Syscalls {
    private static JnaSyscalls instance;

    private final Libc libc;

    private JnaSyscalls(Libc libc) {
        this.libc = libc;
    }

    /**
     * Binds the C library on first use, so a component that needs it fails to activate when JNA cannot
     * load its native part, instead of failing on its first device command.
     *
     * @return the system calls
     * @throws LinkageError if JNA or the C library cannot be loaded
     */
    public static synchronized Syscalls load() {
        if (instance == null) {
            instance = new JnaSyscalls(Native.load("c", Libc.class));
        }
        return instance;
    }

    @Override
    public int open(String path, int flags) throws ErrnoException {
        try {
            return libc.open(path, flags);
        } catch (LastErrorException e) {
            throw new ErrnoException("open " + path, e.getErrorCode());
        }
    }

    @Override
    public void close(int fd) {
        try {
            libc.close(fd);
        } catch (LastErrorException e) {
            // Linux releases the descriptor even when close reports an error; there is nothing to retry
        }
    }

    @Override
    public int ioctl(int fd, long request, Pointer argument) throws ErrnoException {
        try {
            return libc.ioctl(fd, new NativeLong(request), argument);
        } catch (LastErrorException e) {
            throw new ErrnoException("ioctl " + Ioctls.name(request), e.getErrorCode());
        }
    }

    @Override
    public int socket(int domain, int type, int protocol) throws ErrnoException {
        try {
            return libc.socket(domain, type, protocol);
        } catch (LastErrorException e) {
            throw new ErrnoException("socket(" + domain + ", " + type + ", " + protocol + ")", e.getErrorCode());
        }
    }

    @Override
    public int sendto(int fd, Pointer buffer, int length, KernelStruct address) throws ErrnoException {
        address.write();
        try {
            return libc.sendto(fd, buffer, new NativeLong(length), 0, address.getPointer(), address.size()).intValue();
        } catch (LastErrorException e) {
            throw new ErrnoException("sendto", e.getErrorCode());
        }
    }

    @Override
    public int recvfrom(int fd, Pointer buffer, int length, int flags, KernelStruct address) throws ErrnoException {
        IntByReference addressLength = new IntByReference(address.size());
        try {
            int received = libc.recvfrom(fd, buffer, new NativeLong(length), flags, address.getPointer(),
                    addressLength).intValue();
            address.read();
            return received;
        } catch (LastErrorException e) {
            throw new ErrnoException("recvfrom", e.getErrorCode());
        }
    }

    @Override
    public boolean poll(int fd, short events, int timeoutMillis) throws ErrnoException {
        PollFd pollFd = new PollFd();
        pollFd.fd = fd;
        pollFd.events = events;
        pollFd.write();
        try {
            return libc.poll(pollFd.getPointer(), new NativeLong(1), timeoutMillis) > 0;
        } catch (LastErrorException e) {
            throw new ErrnoException("poll", e.getErrorCode());
        }
    }
}
