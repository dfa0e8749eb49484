package io.fwgate.linux.internal.sys;

import com.sun.jna.Structure.FieldOrder;

/** {@code struct pollfd} of {@code poll.h}. 8 bytes. */
@FieldOrder({ "fd", "events", "revents" })
public final class PollFd extends KernelStruct {
    /** The descriptor. */
    public int fd;
    /** Requested events. */
    public short events;
    /** Returned events. */
    public short revents;
}
