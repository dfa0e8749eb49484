package io.fwgate.platform;

import java.util.Arrays;

/**
 * Who asks, as the kernel says: from the process's own credentials (direct mode) or the socket peer's
 * (daemon). Immutable.
 *
 * @param uid user id
 * @param gid primary group id
 * @param groups supplementary group ids
 */
public record Caller(long uid, long gid, long[] groups) {
    public Caller {
        groups = groups.clone();
    }

    @Override
    public long[] groups() {
        return groups.clone();
    }

    @Override
    public String toString() {
        return "uid=" + uid + " gid=" + gid + " groups=" + Arrays.toString(groups);
    }
}
