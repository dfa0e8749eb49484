package io.fwgate.kit;

import java.util.Set;

import io.fwgate.api.DeviceKind;
import io.fwgate.api.Effect;

/**
 * Which opcodes the specs define and which they leave to vendors, per command family.
 * <ul>
 * <li>CXL (mailbox and CCI): vendor-defined opcodes are C000h to FFFFh; the spec's command sets are
 * 00h to 07h (generic component), 40h to 49h (memory device) and 51h to 59h (FM API), as of CXL 3.2.
 * An opcode is a spec command when its command set (bits 15:8) is one of these.</li>
 * <li>NVMe admin: vendor specific opcodes are C0h to FFh; spec commands are the admin opcodes Linux
 * names in {@code include/linux/nvme.h} ({@code enum nvme_admin_opcode}), Fabrics (7Fh) included.</li>
 * </ul>
 */
enum OpcodeRanges {
    CXL(0xc000, 0xffff, "%04x", Effect.Family.CXL),
    NVME(0xc0, 0xff, "%02x", Effect.Family.NVME);

    private static final Set<Integer> NVME_ADMIN = Set.of(0x00, 0x01, 0x02, 0x04, 0x05, 0x06, 0x08, 0x09, 0x0a,
            0x0c, 0x0d, 0x10, 0x11, 0x14, 0x15, 0x18, 0x19, 0x1a, 0x1c, 0x1d, 0x1e, 0x7c, 0x7f, 0x80, 0x81, 0x82,
            0x84, 0x86);

    private final int vendorFirst;
    private final int vendorLast;
    private final String digits;
    private final Effect.Family effects;

    OpcodeRanges(int vendorFirst, int vendorLast, String digits, Effect.Family effects) {
        this.vendorFirst = vendorFirst;
        this.vendorLast = vendorLast;
        this.digits = digits;
        this.effects = effects;
    }

    /**
     * @param kinds the device kinds a table matches
     * @return the family of its opcodes: NVMe for NVMe controllers only, CXL for CXL memory devices and
     *         switches only, else null (fwctl and MCTP tables, and mixed tables, are not range-checked)
     */
    static OpcodeRanges of(Set<DeviceKind> kinds) {
        if (kinds.isEmpty()) {
            return null;
        }
        if (kinds.equals(Set.of(DeviceKind.NVME_CONTROLLER))) {
            return NVME;
        }
        boolean cxl = kinds.stream().allMatch(k -> k == DeviceKind.CXL_MEMORY_DEVICE || k == DeviceKind.CXL_SWITCH);
        return cxl ? CXL : null;
    }

    /** @return true if vendors define {@code opcode} */
    boolean isVendor(int opcode) {
        return opcode >= vendorFirst && opcode <= vendorLast;
    }

    /** @return true if the spec defines {@code opcode}, or its command set */
    boolean isSpec(int opcode) {
        if (this == NVME) {
            return NVME_ADMIN.contains(opcode);
        }
        int set = opcode >> 8;
        return set <= 0x07 || set >= 0x40 && set <= 0x49 || set >= 0x51 && set <= 0x59;
    }

    /** @return the family of effect bits devices of this family report */
    Effect.Family effects() {
        return effects;
    }

    /** @return {@code opcode} as hex, e.g. {@code 0xc001} */
    String hex(int opcode) {
        return "0x" + String.format(digits, opcode);
    }

    /** @return the vendor range, e.g. {@code 0xc000 to 0xffff} */
    String vendorRange() {
        return hex(vendorFirst) + " to " + hex(vendorLast);
    }

    /** @return how to name the family in a message */
    String title() {
        return this == CXL ? "CXL" : "NVMe admin";
    }
}
