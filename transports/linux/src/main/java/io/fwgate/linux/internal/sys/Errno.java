package io.fwgate.linux.internal.sys;

import java.util.Map;

/** The Linux errno values the transports tell apart (asm-generic/errno-base.h, errno.h; x86 and arm). */
public final class Errno {
    /** Operation not permitted. */
    public static final int EPERM = 1;
    /** No such file or directory. */
    public static final int ENOENT = 2;
    /** Interrupted system call; NVMe: the kernel cancelled a command that timed out. */
    public static final int EINTR = 4;
    /** I/O error. */
    public static final int EIO = 5;
    /** No such device or address. */
    public static final int ENXIO = 6;
    /** Argument list too long; fwctl: non-zero bytes the kernel does not understand. */
    public static final int E2BIG = 7;
    /** Try again. */
    public static final int EAGAIN = 11;
    /** Out of memory; CXL: an input or output buffer of the wrong size. */
    public static final int ENOMEM = 12;
    /** Permission denied. */
    public static final int EACCES = 13;
    /** Device or resource busy; CXL: a command the kernel keeps for itself. */
    public static final int EBUSY = 16;
    /** No such device. */
    public static final int ENODEV = 19;
    /** Invalid argument. */
    public static final int EINVAL = 22;
    /** Inappropriate ioctl for device. */
    public static final int ENOTTY = 25;
    /** Protocol not supported. */
    public static final int EPROTONOSUPPORT = 93;
    /** Operation not supported. */
    public static final int EOPNOTSUPP = 95;
    /** Address family not supported by protocol. */
    public static final int EAFNOSUPPORT = 97;
    /** Network is unreachable. */
    public static final int ENETUNREACH = 101;
    /** Connection timed out. */
    public static final int ETIMEDOUT = 110;
    /** No route to host. */
    public static final int EHOSTUNREACH = 113;

    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(EPERM, "EPERM"),
            Map.entry(ENOENT, "ENOENT"), Map.entry(EINTR, "EINTR"), Map.entry(EIO, "EIO"), Map.entry(ENXIO, "ENXIO"),
            Map.entry(E2BIG, "E2BIG"), Map.entry(EAGAIN, "EAGAIN"), Map.entry(ENOMEM, "ENOMEM"),
            Map.entry(EACCES, "EACCES"), Map.entry(EBUSY, "EBUSY"), Map.entry(ENODEV, "ENODEV"),
            Map.entry(EINVAL, "EINVAL"), Map.entry(ENOTTY, "ENOTTY"), Map.entry(EPROTONOSUPPORT, "EPROTONOSUPPORT"),
            Map.entry(EOPNOTSUPP, "EOPNOTSUPP"), Map.entry(EAFNOSUPPORT, "EAFNOSUPPORT"),
            Map.entry(ENETUNREACH, "ENETUNREACH"), Map.entry(ETIMEDOUT, "ETIMEDOUT"),
            Map.entry(EHOSTUNREACH, "EHOSTUNREACH"));

    private Errno() {
    }

    /**
     * @param errno an errno value
     * @return its symbolic name, e.g. {@code ENOTTY}, or {@code errno N} for one not listed here
     */
    public static String name(int errno) {
        return NAMES.getOrDefault(errno, "errno " + errno);
    }
}
