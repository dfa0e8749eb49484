package io.fwgate.linux.internal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The Linux transports' configuration, from framework properties (or system properties, which a framework
 * property lookup falls back to). Immutable.
 *
 * @param enabled {@value #ENABLED}: discover and reach real devices; default {@code true}, since reading
 *        sysfs is harmless and a machine without the devices simply has none
 * @param sysfs {@value #SYSFS}: where sysfs is mounted, default {@code /sys}; tests point it at a fake tree
 * @param mctpEndpoints {@value #MCTP_ENDPOINTS}: the configured MCTP endpoints, as {@link MctpEndpoint#parseList}
 *        reads them; empty for none
 * @param mctpTimeoutMillis {@value #MCTP_TIMEOUT}: how long an MCTP request waits for its answer, default 5000
 * @param nvmeTimeoutMillis {@value #NVME_TIMEOUT}: the NVMe passthrough timeout; default 0, the kernel's
 *        admin timeout ({@code nvme_core.admin_timeout}, 60 s)
 */
record LinuxSettings(boolean enabled, Path sysfs, String mctpEndpoints, int mctpTimeoutMillis, int nvmeTimeoutMillis) {
    static final String ENABLED = "fwgate.linux";
    static final String SYSFS = "fwgate.sysfs";
    static final String MCTP_ENDPOINTS = "fwgate.mctp.endpoints";
    static final String MCTP_TIMEOUT = "fwgate.mctp.timeout-ms";
    static final String NVME_TIMEOUT = "fwgate.nvme.timeout-ms";

    /**
     * @throws NullPointerException if a reference is null
     * @throws IllegalArgumentException if a timeout is negative
     */
    LinuxSettings {
        Objects.requireNonNull(sysfs, "sysfs");
        Objects.requireNonNull(mctpEndpoints, "mctpEndpoints");
        if (mctpTimeoutMillis <= 0 || nvmeTimeoutMillis < 0) {
            throw new IllegalArgumentException(MCTP_TIMEOUT + " must be positive and " + NVME_TIMEOUT
                    + " not negative");
        }
    }

    /**
     * @param property looks a property up, null when it is not set
     * @return the settings
     * @throws IllegalArgumentException if a timeout is not a number in range, naming the property
     */
    static LinuxSettings from(UnaryOperator<String> property) {
        String enabled = property.apply(ENABLED);
        String sysfs = property.apply(SYSFS);
        String endpoints = property.apply(MCTP_ENDPOINTS);
        return new LinuxSettings(enabled == null || Boolean.parseBoolean(enabled.trim()),
                Path.of(sysfs == null || sysfs.isBlank() ? "/sys" : sysfs.trim()),
                endpoints == null ? "" : endpoints.trim(), millis(property, MCTP_TIMEOUT, 5000),
                millis(property, NVME_TIMEOUT, 0));
    }

    private static int millis(UnaryOperator<String> property, String name, int fallback) {
        String value = property.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int millis = Integer.parseInt(value.trim());
            if (millis < 0) {
                throw new NumberFormatException();
            }
            return millis;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "='" + value + "' is not a number of milliseconds");
        }
    }
}
