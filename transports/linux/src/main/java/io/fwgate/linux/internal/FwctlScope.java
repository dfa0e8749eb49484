package io.fwgate.linux.internal;

import io.fwgate.api.Level;

/**
 * {@code enum fwctl_rpc_scope}: the scope an RPC asks to run in. The kernel refuses an RPC whose
 * operation needs a higher scope than the one asked for, taints itself from {@link #DEBUG_WRITE} on, and
 * requires CAP_SYS_RAWIO for {@link #DEBUG_WRITE_FULL}.
 */
enum FwctlScope {
    /** 0: read and write device configuration; the device stays fully supported. */
    CONFIGURATION(0),
    /** 1: read-only debug information, lockdown-compatible, no secrets. */
    DEBUG_READ_ONLY(1),
    /** 2: may leave the supported state; taints the kernel. */
    DEBUG_WRITE(2),
    /** 3: everything; needs CAP_SYS_RAWIO; taints the kernel. */
    DEBUG_WRITE_FULL(3);

    private final int value;

    FwctlScope(int value) {
        this.value = value;
    }

    /** @return the value in {@code struct fwctl_rpc.scope} */
    int value() {
        return value;
    }

    /**
     * The scope for a call the gate allowed at {@code level}: fwgate's levels are named after the scopes.
     * A telemetry call reads, so it asks for the read-only debug scope. fwctl orders that scope above
     * configuration, so the kernel would also run a configuration RPC in it: the gate, which allowed only
     * telemetry, is what keeps such a caller from changing configuration; the scope keeps the kernel from
     * running anything that needs a debug write.
     *
     * @param level the level the gate required for the call
     * @return the scope to ask for
     */
    static FwctlScope forLevel(Level level) {
        return switch (level) {
            case TELEMETRY -> DEBUG_READ_ONLY;
            case CONFIGURATION -> CONFIGURATION;
            case DEBUG_WRITE -> DEBUG_WRITE;
            case DEBUG_WRITE_FULL -> DEBUG_WRITE_FULL;
        };
    }
}
