package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * FM API Physical Switch command set (51h): Identify Switch Device (5100h) and Get Physical Port State
 * (5101h), read-only views of the {@link SwitchTopology}. Layouts as CXL 3.x section 7.6.7.1 (and QEMU,
 * libcxlmi) give them.
 */
final class PhysicalSwitchCommands implements CommandSet {
    static final int IDENTIFY_SWITCH_DEVICE = 0x5100;
    static final int GET_PHYSICAL_PORT_STATE = 0x5101;
    /** Identify Switch Device output: 4 bytes, two 32-byte bitmasks, u16 vPPB counts, u8 decoders. */
    static final int IDENTIFY_SIZE = 0x49;
    /** One Port Information Block of Get Physical Port State. */
    static final int PORT_BLOCK_SIZE = 16;
    /** HDM decoders per upstream port, as QEMU reports. */
    static final int HDM_DECODERS = 4;
    /** Port configuration states (Get Physical Port State byte 1). */
    static final int DOWNSTREAM_PORT = 3;
    static final int UPSTREAM_PORT = 4;
    /** Connected device type 5: a CXL type 3 multi-logical device; 0: nothing connected. */
    static final int DEVICE_MLD = 5;
    /** Link: x16, speeds up to 32 GT/s (vector bits 0 to 4), running at 32 GT/s (speed code 5). */
    static final int WIDTH = 16;
    static final int SPEEDS_VECTOR = 0x1f;
    static final int SPEED_32GT = 5;
    /** LTSSM state L0 for a trained link, Detect for an empty port. */
    static final int LTSSM_L0 = 4;
    static final int LTSSM_DETECT = 0;
    /** CXL version bitmask: bit 1, CXL 2.0 and later (as QEMU reports). */
    static final int CXL_2 = 0x02;
    /** LDs a downstream port supports. */
    static final int SUPPORTED_LDS = 16;

    private final SwitchTopology topology;

    PhysicalSwitchCommands(SwitchTopology topology) {
        this.topology = topology;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of(IDENTIFY_SWITCH_DEVICE, "Identify Switch Device", this::identify),
                Command.of(GET_PHYSICAL_PORT_STATE, "Get Physical Port State", this::portState));
    }

    private Answer identify(Input input) {
        if (input.length() != 0) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        ByteBuffer out = Bytes.out(IDENTIFY_SIZE);
        // byte 0: the port this request came in on; the FM reaches the emulator as if over MCTP, port 0
        out.put(2, (byte) topology.ports().size()).put(3, (byte) topology.vcss().size());
        topology.ports().forEach(port -> setBit(out, 4, port.id()));
        topology.vcss().forEach(vcs -> setBit(out, 0x24, vcs.id()));
        out.putShort(0x44, (short) topology.totalVppbs()).putShort(0x46, (short) topology.boundVppbs());
        out.put(0x48, (byte) HDM_DECODERS);
        return Answer.ok(out.array());
    }

    private static void setBit(ByteBuffer out, int offset, int bit) {
        int at = offset + bit / 8;
        out.put(at, (byte) (out.get(at) | 1 << (bit % 8)));
    }

    private Answer portState(Input input) {
        byte[] in = input.payload();
        if (in.length < 1 || in.length != 1 + Byte.toUnsignedInt(in[0])) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        int count = Byte.toUnsignedInt(in[0]);
        ByteBuffer out = Bytes.out(4 + count * PORT_BLOCK_SIZE).put(0, (byte) count);
        for (int i = 0; i < count; i++) {
            var port = topology.port(Byte.toUnsignedInt(in[1 + i]));
            if (port.isEmpty()) {
                return Answer.of(CxlReturnCode.INVALID_INPUT);
            }
            writeBlock(out, 4 + i * PORT_BLOCK_SIZE, port.get());
        }
        return Answer.ok(out.array());
    }

    /** One Port Information Block: the fields at offsets 0 to 0Fh of CXL 3.x Table 7-19. */
    private static void writeBlock(ByteBuffer out, int at, SwitchTopology.Port port) {
        boolean upstream = port.role() == SwitchTopology.Role.UPSTREAM;
        boolean linked = port.role() != SwitchTopology.Role.EMPTY_DOWNSTREAM;
        out.put(at, (byte) port.id());
        out.put(at + 1, (byte) (upstream ? UPSTREAM_PORT : DOWNSTREAM_PORT));
        out.put(at + 2, (byte) (port.ldCount() > 0 ? CXL_2 : 0));
        out.put(at + 4, (byte) (port.ldCount() > 0 ? DEVICE_MLD : 0));
        out.put(at + 5, (byte) CXL_2);
        out.put(at + 6, (byte) WIDTH);
        out.put(at + 7, (byte) (linked ? WIDTH : 0));
        out.put(at + 8, (byte) SPEEDS_VECTOR);
        out.put(at + 9, (byte) SPEED_32GT);
        out.put(at + 10, (byte) (linked ? SPEED_32GT : 0));
        out.put(at + 11, (byte) (linked ? LTSSM_L0 : LTSSM_DETECT));
        out.put(at + 15, (byte) (upstream ? 0 : SUPPORTED_LDS));
    }
}
