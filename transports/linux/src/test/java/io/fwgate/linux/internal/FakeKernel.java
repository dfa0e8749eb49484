package io.fwgate.linux.internal;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Pointer;

import io.fwgate.linux.internal.sys.ErrnoException;
import io.fwgate.linux.internal.sys.Ioctls;
import io.fwgate.linux.internal.sys.KernelStruct;
import io.fwgate.linux.internal.sys.Syscalls;

/**
 * A kernel for tests: device nodes answer ioctls through a handler that reads and writes the argument at
 * the UAPI headers' byte offsets (not through the transports' structures), so a wrong structure layout
 * shows as a wrong answer. Records what was opened and asked. It has no sockets ({@link FakeMctpNetwork}
 * has).
 */
class FakeKernel implements Syscalls {
    /** Answers one ioctl as a driver would. */
    interface Driver {
        int ioctl(long request, Pointer argument) throws ErrnoException;
    }

    final List<String> opened = new ArrayList<>();
    final List<String> requests = new ArrayList<>();
    int openErrno;
    int closed;
    private final Driver driver;

    FakeKernel(Driver driver) {
        this.driver = driver;
    }

    @Override
    public int open(String path, int flags) throws ErrnoException {
        if (openErrno != 0) {
            throw new ErrnoException("open " + path, openErrno);
        }
        opened.add(path);
        return 3;
    }

    @Override
    public void close(int fd) {
        closed++;
    }

    @Override
    public int ioctl(int fd, long request, Pointer argument) throws ErrnoException {
        requests.add(Ioctls.name(request));
        return driver.ioctl(request, argument);
    }

    @Override
    public int socket(int domain, int type, int protocol) throws ErrnoException {
        throw new UnsupportedOperationException("no sockets in this fake");
    }

    @Override
    public int sendto(int fd, Pointer buffer, int length, KernelStruct address) throws ErrnoException {
        throw new UnsupportedOperationException("no sockets in this fake");
    }

    @Override
    public int recvfrom(int fd, Pointer buffer, int length, int flags, KernelStruct address) throws ErrnoException {
        throw new UnsupportedOperationException("no sockets in this fake");
    }

    @Override
    public boolean poll(int fd, short events, int timeoutMillis) throws ErrnoException {
        throw new UnsupportedOperationException("no sockets in this fake");
    }

    /** @return the bytes at a user-space address the kernel was given */
    static byte[] userBytes(long address, int length) {
        return length == 0 ? new byte[0] : new Pointer(address).getByteArray(0, length);
    }

    /** Writes bytes to a user-space address the kernel was given. */
    static void copyToUser(long address, byte[] bytes) {
        new Pointer(address).write(0, bytes, 0, bytes.length);
    }
}
