package io.fwgate.daemon.internal;

import java.nio.charset.StandardCharsets;

import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * {@code struct sockaddr_un { sa_family_t sun_family; char sun_path[108]; }} (sys/un.h): 110 bytes,
 * the path NUL-terminated, or for an abstract address (written {@code @name}) a NUL first and no
 * terminator. Public for JNA's reflection only.
 */
@FieldOrder({ "sun_family", "sun_path" })
public final class SockaddrUn extends Structure {
    /** The size of {@code sun_path}. */
    static final int PATH_SIZE = 108;
    /** {@code offsetof(struct sockaddr_un, sun_path)}. */
    static final int PATH_OFFSET = 2;

    public short sun_family;
    public byte[] sun_path = new byte[PATH_SIZE];

    /** The length to pass with this address: up to the path's NUL, or the abstract name's last byte. */
    private int length;

    public SockaddrUn() {
    }

    /**
     * @param address a file system path, or {@code @name} for Linux's abstract namespace
     * @throws IllegalArgumentException if the address is empty or does not fit in {@code sun_path}
     */
    SockaddrUn(String address) {
        byte[] bytes = address.getBytes(StandardCharsets.UTF_8);
        boolean abstractName = address.startsWith("@");
        int needed = abstractName ? bytes.length : bytes.length + 1;
        if (bytes.length == 0 || needed > PATH_SIZE) {
            throw new IllegalArgumentException("socket address '" + address + "' is " + bytes.length
                    + " bytes; a Unix socket address holds 1 to " + (PATH_SIZE - 1));
        }
        sun_family = Libc.AF_UNIX;
        System.arraycopy(bytes, 0, sun_path, 0, bytes.length);
        if (abstractName) {
            sun_path[0] = 0;
        }
        length = PATH_OFFSET + needed;
        write();
    }

    /** @return the address length to pass to bind, connect or sendto */
    int length() {
        return length;
    }
}
