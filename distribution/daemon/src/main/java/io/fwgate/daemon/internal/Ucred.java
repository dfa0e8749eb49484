package io.fwgate.daemon.internal;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * {@code struct ucred { pid_t pid; uid_t uid; gid_t gid; }} (bits/socket.h), 12 bytes, as
 * {@code SO_PEERCRED} fills it. uid and gid are unsigned: read them with {@link #uid()} and {@link #gid()}.
 * Public for JNA's reflection only.
 */
@FieldOrder({ "pid", "uid", "gid" })
public final class Ucred extends Structure {
    public int pid;
    public int uid;
    public int gid;

    public Ucred() {
    }

    /** @param memory a struct ucred to read */
    Ucred(Pointer memory) {
        super(memory);
        read();
    }

    long uid() {
        return Integer.toUnsignedLong(uid);
    }

    long gid() {
        return Integer.toUnsignedLong(gid);
    }
}
