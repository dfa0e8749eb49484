package io.fwgate.linux.internal.sys;

/**
 * A system call failed with an errno. Callers translate it into the transport SPI's exceptions; it never
 * leaves the bundle.
 */
public final class ErrnoException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errno;

    /**
     * @param call what failed, e.g. {@code ioctl CXL_MEM_SEND_COMMAND}
     * @param errno the errno it set
     */
    public ErrnoException(String call, int errno) {
        super(call + " failed: " + Errno.name(errno));
        this.errno = errno;
    }

    /** @return the errno */
    public int errno() {
        return errno;
    }
}
