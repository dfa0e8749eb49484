package io.fwgate.daemon.internal;

import io.fwgate.platform.Caller;

/**
 * A socket peer as the kernel recorded it when it connected: {@code SO_PEERCRED} and
 * {@code SO_PEERGROUPS}. Never taken from what the peer sends.
 *
 * @param pid the peer's process id (for logs only: it may be reused)
 * @param uid its effective user id
 * @param gid its effective group id
 * @param groups its supplementary group ids
 */
record PeerCredentials(int pid, long uid, long gid, long[] groups) {
    PeerCredentials {
        groups = groups.clone();
    }

    /** @return the caller the gate judges */
    Caller caller() {
        return new Caller(uid, gid, groups);
    }

    @Override
    public String toString() {
        return "pid " + pid + " uid " + uid + " gid " + gid;
    }
}
