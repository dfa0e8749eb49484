package io.fwgate.linux.internal;

import java.io.IOException;

/**
 * The operating system did not let fwgate reach the device (EPERM, EACCES): file permissions on the
 * device node, a missing capability such as CAP_SYS_ADMIN or CAP_SYS_RAWIO, or a security module. The
 * gate had allowed the call; the kernel's own checks refused it.
 */
public final class NotPermittedException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused and what the OS needs
     */
    public NotPermittedException(String message) {
        super(message);
    }
}
