package io.fwgate.linux.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.jna.Pointer;

import io.fwgate.linux.internal.sys.ErrnoException;
import io.fwgate.linux.internal.sys.KernelStruct;
import io.fwgate.linux.internal.sys.SockaddrMctp;
import io.fwgate.linux.internal.sys.Syscalls;

/**
 * AF_MCTP sockets for tests. Reads and writes struct sockaddr_mctp at the offsets of
 * include/uapi/linux/mctp.h (family 0, network 4, addr 8, type 9, tag 10). An endpoint function answers
 * each sent message with datagrams; poll on an empty socket lets the fake clock run out the timeout.
 */
final class FakeMctpNetwork implements Syscalls {
    /** A datagram as seen on the wire, with its sockaddr_mctp. */
    record Datagram(byte[] bytes, int network, int eid, int type, int tag) {
    }

    final List<Datagram> sent = new ArrayList<>();
    private final Deque<Datagram> inbox = new ArrayDeque<>();
    private final Function<Datagram, List<Datagram>> endpoint;
    long nanos;
    int socketErrno;
    int sendErrno;
    int closed;

    FakeMctpNetwork(Function<Datagram, List<Datagram>> endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public int socket(int domain, int type, int protocol) throws ErrnoException {
        if (socketErrno != 0) {
            throw new ErrnoException("socket", socketErrno);
        }
        return 7;
    }

    @Override
    public void close(int fd) {
        closed++;
    }

    @Override
    public int sendto(int fd, Pointer buffer, int length, KernelStruct address) throws ErrnoException {
        if (sendErrno != 0) {
            throw new ErrnoException("sendto", sendErrno);
        }
        address.write();
        Pointer to = address.getPointer();
        Datagram datagram = new Datagram(buffer.getByteArray(0, length), to.getInt(4), Byte.toUnsignedInt(to.getByte(8)),
                Byte.toUnsignedInt(to.getByte(9)), Byte.toUnsignedInt(to.getByte(10)));
        sent.add(datagram);
        inbox.addAll(endpoint.apply(datagram));
        return length;
    }

    @Override
    public int recvfrom(int fd, Pointer buffer, int length, int flags, KernelStruct address) {
        Datagram datagram = inbox.removeFirst();
        buffer.write(0, datagram.bytes(), 0, Math.min(length, datagram.bytes().length));
        Pointer from = address.getPointer();
        from.setShort(0, (short) SockaddrMctp.AF_MCTP);
        from.setInt(4, datagram.network());
        from.setByte(8, (byte) datagram.eid());
        from.setByte(9, (byte) datagram.type());
        from.setByte(10, (byte) datagram.tag());
        address.read();
        return datagram.bytes().length;
    }

    @Override
    public boolean poll(int fd, short events, int timeoutMillis) {
        if (inbox.isEmpty()) {
            nanos += TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            return false;
        }
        return true;
    }

    @Override
    public int open(String path, int flags) {
        throw new UnsupportedOperationException("no device nodes in this fake");
    }

    @Override
    public int ioctl(int fd, long request, Pointer argument) {
        throw new UnsupportedOperationException("no device nodes in this fake");
    }
}
