package io.fwgate.linux.internal.sys;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;

/**
 * {@code struct sockaddr_mctp} of {@code include/uapi/linux/mctp.h}: network, endpoint id, message type
 * and tag of an AF_MCTP datagram. 12 bytes.
 */
@FieldOrder({ "family", "pad0", "network", "addr", "type", "tag", "pad1" })
public final class SockaddrMctp extends KernelStruct {
    /** {@code AF_MCTP}. */
    public static final int AF_MCTP = 45;
    /** {@code MCTP_TAG_MASK}: the tag value bits. */
    public static final int TAG_MASK = 0x07;
    /** {@code MCTP_TAG_OWNER}: set on requests; the kernel allocates the tag. */
    public static final int TAG_OWNER = 0x08;

    /** {@code smctp_family}, {@link #AF_MCTP}. */
    public short family;
    /** Padding, 0. */
    public short pad0;
    /** {@code smctp_network}: the local network id. */
    public int network;
    /** {@code smctp_addr.s_addr}: the endpoint id. */
    public byte addr;
    /** {@code smctp_type}: the message type. */
    public byte type;
    /** {@code smctp_tag}: tag value and owner bit. */
    public byte tag;
    /** Padding, 0. */
    public byte pad1;

    /** A zeroed address. */
    public SockaddrMctp() {
    }

    /** @param memory an existing address, e.g. as a kernel fake sees it */
    public SockaddrMctp(Pointer memory) {
        super(memory);
        read();
    }
}
