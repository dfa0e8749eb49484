package io.fwgate.api.spi;

import java.io.IOException;

/** The device no longer exists (hot-unplugged, removed from the fabric); ENODEV in the kernel's terms. */
public class DeviceGoneException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message which device is gone
     */
    public DeviceGoneException(String message) {
        super(message);
    }
}
