package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Identify (06h) for CNS 00h (the namespace), 01h (the controller) and 02h (the active namespace ID
 * list). The controller data structure fills the fields the NVMe base spec defines, at its offsets.
 */
final class IdentifyCommands implements AdminCommandSet {
    static final int IDENTIFY = 0x06;
    static final int CNS_NAMESPACE = 0x00;
    static final int CNS_CONTROLLER = 0x01;
    static final int CNS_ACTIVE_NAMESPACES = 0x02;
    static final int SIZE = 4096;
    /** VER: NVMe 2.0 (major in bits 31:16, minor in bits 15:8). */
    static final int VERSION = 0x0002_0000;
    /** OACS: bit 1 Format NVM, bit 2 Firmware Commit and Image Download. */
    static final int OACS = 1 << 1 | 1 << 2;
    /** LPA: bit 1 Commands Supported and Effects log, bit 2 extended data (NUMDU, offsets). */
    static final int LPA = 1 << 1 | 1 << 2;
    /** ONCS bit 4: Save in Set Features and Select in Get Features are supported. */
    static final int ONCS = 1 << 4;
    /** FNA bit 2: cryptographic erase is supported by Format NVM; bits 0 and 1 clear: per namespace. */
    static final int FNA = 1 << 2;
    static final int VWC_PRESENT = 1;
    static final int SUBNQN_PREFIX_SIZE = 256;
    static final String NQN_PREFIX = "nqn.2024-01.io.fwgate:";
    /** Power state descriptors: max power (centiwatts), entry and exit latency (microseconds). */
    static final int[][] POWER_STATES = {{2500, 0, 0}, {1500, 50, 100}, {800, 1000, 2000}};

    private final NvmeIdentity identity;
    private final Namespace namespace;
    private final FirmwareSlots firmware;

    IdentifyCommands(NvmeIdentity identity, Namespace namespace, FirmwareSlots firmware) {
        this.identity = identity;
        this.namespace = namespace;
        this.firmware = firmware;
    }

    @Override
    public List<NvmeCommand> commands() {
        return List.of(NvmeCommand.reader(IDENTIFY, "Identify", this::identify));
    }

    /** CNS is cdw10 bits 7:0. */
    private NvmeAnswer identify(NvmeInput input) {
        switch (input.bits(10, 7, 0)) {
            case CNS_NAMESPACE:
                return input.nsid() == Namespace.NSID ? NvmeAnswer.ok(namespace.identify())
                        : NvmeAnswer.of(NvmeStatus.INVALID_NAMESPACE);
            case CNS_CONTROLLER:
                return NvmeAnswer.ok(controller());
            case CNS_ACTIVE_NAMESPACES:
                return activeNamespaces(input.nsid());
            default:
                return NvmeAnswer.of(NvmeStatus.INVALID_FIELD);
        }
    }

    /** Active NSIDs greater than the command's NSID, ascending; FFFFFFFEh and FFFFFFFFh are invalid. */
    private static NvmeAnswer activeNamespaces(long nsid) {
        if (nsid >= 0xffff_fffeL) {
            return NvmeAnswer.of(NvmeStatus.INVALID_NAMESPACE);
        }
        ByteBuffer out = Bytes.out(SIZE);
        if (nsid < Namespace.NSID) {
            out.putInt(0, (int) Namespace.NSID);
        }
        return NvmeAnswer.ok(out.array());
    }

    /**
     * Offsets: VID 0, SSVID 2, SN 4, MN 24, FR 64, RAB 72, IEEE 73, MDTS 77, CNTLID 78, VER 80,
     * CNTRLTYPE 111, OACS 256, ACL 258, AERL 259, FRMW 260, LPA 261, ELPE 262, NPSS 263, WCTEMP 266,
     * CCTEMP 268, TNVMCAP 280, UNVMCAP 296, FWUG 319, SANICAP 328, SQES 512, CQES 513, NN 516, ONCS 520,
     * FNA 524, VWC 525, NVSCC 530, SUBNQN 768, PSD0 2048 (32 bytes each).
     */
    byte[] controller() {
        ByteBuffer out = Bytes.out(SIZE)
                .putShort(0, (short) identity.vendorId())
                .putShort(2, (short) identity.subsystemVendorId())
                .put(4, Bytes.spacePadded(identity.serial(), NvmeIdentity.SERIAL_SIZE))
                .put(24, Bytes.spacePadded(identity.model(), NvmeIdentity.MODEL_SIZE))
                .put(64, Bytes.spacePadded(firmware.running(), NvmeIdentity.FIRMWARE_SIZE))
                .put(72, (byte) 6)
                .put(77, (byte) 7)
                .putInt(80, VERSION)
                .put(111, (byte) 1) // controller type: I/O controller
                .putShort(256, (short) OACS)
                .put(258, (byte) 3)
                .put(259, (byte) 3)
                .put(260, (byte) FirmwareSlots.FRMW)
                .put(261, (byte) LPA)
                .put(262, (byte) (ErrorLog.ENTRIES - 1))
                .put(263, (byte) NvmeFeatures.NPSS)
                .putShort(266, (short) NvmeFeatures.WCTEMP)
                .putShort(268, (short) NvmeFeatures.CCTEMP)
                .put(280, u128(Namespace.CAPACITY))
                .put(319, (byte) 0xff) // firmware update granularity: no restriction
                .putInt(328, NvmeSanitize.SANICAP)
                .put(512, (byte) 0x66)
                .put(513, (byte) 0x44)
                .putInt(516, 1)
                .putShort(520, (short) ONCS)
                .put(524, (byte) FNA)
                .put(525, (byte) VWC_PRESENT)
                .put(530, (byte) 1) // vendor specific commands use the standard command format
                .put(768, Bytes.ascii(NQN_PREFIX + identity.serial(), SUBNQN_PREFIX_SIZE));
        for (int state = 0; state < POWER_STATES.length; state++) {
            int at = 2048 + 32 * state;
            out.putShort(at, (short) POWER_STATES[state][0])
                    .putInt(at + 4, POWER_STATES[state][1])
                    .putInt(at + 8, POWER_STATES[state][2])
                    .put(at + 12, (byte) state)
                    .put(at + 13, (byte) state)
                    .put(at + 14, (byte) state)
                    .put(at + 15, (byte) state);
        }
        return out.array();
    }

    /** @return {@code value} as a 16-byte little-endian integer */
    static byte[] u128(long value) {
        return Bytes.out(16).putLong(0, value).array();
    }
}
