package io.fwgate.daemon.internal;

import com.sun.jna.NativeLong;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * {@code struct timeval { time_t tv_sec; suseconds_t tv_usec; }}: two native longs, 16 bytes on 64-bit
 * Linux, the layout {@code SO_SNDTIMEO_OLD} takes where time_t is a native long. Public for JNA only.
 */
@FieldOrder({ "tv_sec", "tv_usec" })
public final class Timeval extends Structure {
    public NativeLong tv_sec = new NativeLong();
    public NativeLong tv_usec = new NativeLong();

    public Timeval() {
    }

    /** @param millis a duration in milliseconds */
    Timeval(long millis) {
        tv_sec = new NativeLong(millis / 1000);
        tv_usec = new NativeLong(millis % 1000 * 1000);
        write();
    }
}
