package io.fwgate.linux.internal.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/** The C library functions {@link JnaSyscalls} binds; each failure sets errno, which JNA throws. */
interface Libc extends Library {
    int open(String path, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    /** {@code request} is an {@code unsigned long}, as glibc declares it. */
    int ioctl(int fd, NativeLong request, Pointer argument) throws LastErrorException;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    NativeLong sendto(int fd, Pointer buffer, NativeLong length, int flags, Pointer address, int addressLength)
            throws LastErrorException;

    NativeLong recvfrom(int fd, Pointer buffer, NativeLong length, int flags, Pointer address,
            IntByReference addressLength) throws LastErrorException;

    int poll(Pointer fds, NativeLong count, int timeout) throws LastErrorException;
}
