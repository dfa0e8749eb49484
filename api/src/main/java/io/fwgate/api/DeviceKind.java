package io.fwgate.api;

import java.util.Locale;

/** What kind of device a {@link DeviceInfo} describes; command tables match on it. */
public enum DeviceKind {
    /** A CXL memory device (type 3), or a logical device of a multi-logical device. */
    CXL_MEMORY_DEVICE,
    /** A CXL switch, managed through its own CCI. */
    CXL_SWITCH,
    /** An NVMe controller, reached through its admin queue. */
    NVME_CONTROLLER,
    /** A device behind Linux fwctl. */
    FWCTL_DEVICE,
    /** An MCTP endpoint. */
    MCTP_ENDPOINT;

    /** @return the kebab-case name used in tables and output, e.g. {@code cxl-memory-device} */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param id a kebab-case kind name
     * @return the kind
     * @throws IllegalArgumentException if {@code id} names no kind
     */
    public static DeviceKind parse(String id) {
        for (DeviceKind kind : values()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown device kind '" + id + "'");
    }
}
