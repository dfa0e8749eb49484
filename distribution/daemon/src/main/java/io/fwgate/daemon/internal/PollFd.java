package io.fwgate.daemon.internal;

import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/** {@code struct pollfd { int fd; short events; short revents; }} (poll.h), 8 bytes. Public for JNA only. */
@FieldOrder({ "fd", "events", "revents" })
public final class PollFd extends Structure {
    public int fd;
    public short events;
    public short revents;

    public PollFd() {
    }

    PollFd(int fd, short events) {
        this.fd = fd;
        this.events = events;
    }
}
