package io.fwgate.kit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a command's opcode suits what the table and the command claim. The rule:
 * <ul>
 * <li>a table that lists {@code pci-vendor-ids} is a vendor table; its commands use vendor opcodes, or
 * repeat a spec command (for example to decode a spec response's vendor-specific bytes). An opcode that
 * is neither is an error: it is most likely a typo of a vendor opcode;</li>
 * <li>a table without {@code pci-vendor-ids} applies to every vendor's devices, where a vendor opcode
 * means something else to each vendor: an error;</li>
 * <li>a command whose name says {@code vendor} with an opcode outside the vendor range is an error;
 * a description that says so is a warning, since it may describe vendor-specific fields of a spec
 * command.</li>
 * </ul>
 * See {@link OpcodeRanges} for the ranges and the spec commands known.
 */
final class OpcodeChecks {
    private OpcodeChecks() {
    }

    /**
     * @param command the command's JSON
     * @param at its pointer
     * @param name its name
     * @param opcode its opcode
     * @param family the command family of the table's device kinds
     * @param vendorTable whether the table lists PCI vendor ids
     * @param out where findings go
     */
    static void check(JsonNode command, String at, String name, int opcode, OpcodeRanges family,
            boolean vendorTable, FindingList out) {
        if (opcode > (family == OpcodeRanges.NVME ? 0xff : 0xffff)) {
            return;
        }
        String hex = family.hex(opcode);
        if (family.isVendor(opcode)) {
            if (!vendorTable) {
                out.error(at + "/opcode", "vendor-opcode-for-any-vendor", "opcode " + hex + " of '" + name
                        + "' is vendor-defined (" + family.title() + " " + family.vendorRange() + "), but the table "
                        + "matches devices of every vendor, to each of which the opcode means something else: list"
                        + " your PCI vendor ids in /match/pci-vendor-ids");
            }
            return;
        }
        String spec = !family.isSpec(opcode) ? ""
                : family == OpcodeRanges.CXL ? " (in a command set of the CXL specification)"
                : " (an admin command of the NVMe specification)";
        if (TableChecks.nameSaysVendor(name)) {
            out.error(at + "/name", "vendor-claim-on-spec-opcode", "command '" + name + "' says it is a vendor "
                    + "command, but opcode " + hex + " is outside the " + family.title() + " vendor range "
                    + family.vendorRange() + spec);
        } else if (TableChecks.textSaysVendor(command.path("description").asText(""))) {
            out.warning(at + "/description", "vendor-claim-on-spec-opcode", "the description of '" + name
                    + "' speaks of a vendor command, but opcode " + hex + " is outside the " + family.title()
                    + " vendor range " + family.vendorRange() + spec);
        }
        if (vendorTable && spec.isEmpty()) {
            out.error(at + "/opcode", "opcode-outside-vendor-range", "opcode " + hex + " of '" + name + "' is "
                    + "neither vendor-defined (" + family.vendorRange() + ") nor " + (family == OpcodeRanges.CXL
                            ? "in a command set the CXL specification defines"
                            : "an admin command the NVMe specification defines")
                    + ": a vendor table's own commands belong in the vendor range");
        }
    }
}
