package io.fwgate.cci;

/**
 * One step of a tunnel: the target a Tunnel Management Command (5300h) names. A switch CCI reads
 * {@code id} as a downstream port number; an MLD's FM-owned LD reads it as an LD id. Immutable.
 *
 * @param id the port or LD id, 0 to 255
 * @param targetType {@link #PORT_OR_LD} or {@link #LD_POOL_CCI}
 */
public record TunnelHop(int id, int targetType) {
    /** Target type 0: the port (at a switch) or LD (at an MLD) that {@code id} names. */
    public static final int PORT_OR_LD = 0;
    /** Target type 1: the LD pool CCI of a multi-headed device. */
    public static final int LD_POOL_CCI = 1;

    /**
     * @throws IllegalArgumentException if {@code id} is not 0 to 255 or the target type is not 0 or 1
     */
    public TunnelHop {
        if (id < 0 || id > 0xff) {
            throw new IllegalArgumentException("tunnel target id " + id + " does not fit 0 to 255");
        }
        if (targetType != PORT_OR_LD && targetType != LD_POOL_CCI) {
            throw new IllegalArgumentException("tunnel target type " + targetType
                    + " is neither 0 (port or LD) nor 1 (LD pool CCI)");
        }
    }

    /**
     * @param id the port or LD id
     * @return a hop of target type {@link #PORT_OR_LD}
     */
    public static TunnelHop to(int id) {
        return new TunnelHop(id, PORT_OR_LD);
    }

    /** @return e.g. {@code 1} or {@code 1 (LD pool CCI)}, for paths in messages and audit records */
    @Override
    public String toString() {
        return targetType == PORT_OR_LD ? Integer.toString(id) : id + " (LD pool CCI)";
    }
}
