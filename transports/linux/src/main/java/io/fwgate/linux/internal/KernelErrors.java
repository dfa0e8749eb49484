package io.fwgate.linux.internal;

import java.io.IOException;

import io.fwgate.api.DeviceId;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.linux.internal.sys.Errno;
import io.fwgate.linux.internal.sys.ErrnoException;

/**
 * Translates an errno into the exceptions of the transport SPI, as the fwctl UAPI header defines the
 * common errnos: ENOTTY and EOPNOTSUPP (and EAFNOSUPPORT) mean unsupported, EINVAL and E2BIG a bad
 * argument, ENODEV (and ENXIO, ENOENT) a device that is gone, EPERM and EACCES a refusal by the OS.
 * Transports first handle the errnos their own ioctls give a sharper meaning.
 */
final class KernelErrors {
    private KernelErrors() {
    }

    /**
     * Unchecked outcomes are thrown from here; the checked one is returned for the caller to throw, so
     * that the compiler sees every path end.
     *
     * @param device the device addressed
     * @param e what failed
     * @return the {@link IOException} to throw
     * @throws UnsupportedOperationException for ENOTTY, EOPNOTSUPP, EAFNOSUPPORT, EPROTONOSUPPORT
     * @throws IllegalArgumentException for EINVAL, E2BIG
     */
    static IOException translate(DeviceId device, ErrnoException e) {
        String message = e.getMessage();
        switch (e.errno()) {
            case Errno.ENOTTY, Errno.EOPNOTSUPP, Errno.EAFNOSUPPORT, Errno.EPROTONOSUPPORT ->
                throw new UnsupportedOperationException(message + " (the kernel does not support this request)");
            case Errno.EINVAL, Errno.E2BIG ->
                throw new IllegalArgumentException(message + " (the kernel rejected the request's fields)");
            case Errno.ENODEV, Errno.ENXIO, Errno.ENOENT -> {
                return new DeviceGoneException(device + " is gone (" + message + ")");
            }
            case Errno.EPERM, Errno.EACCES -> {
                return new NotPermittedException(message + " (not permitted by the operating system: fwgate"
                        + " needs to run as root or with the device's capabilities)");
            }
            default -> {
                return new IOException(message);
            }
        }
    }
}
