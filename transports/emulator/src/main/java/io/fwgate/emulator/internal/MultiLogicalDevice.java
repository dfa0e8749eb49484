package io.fwgate.emulator.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.fwgate.api.DeviceId;

/**
 * An emulated multi-logical device (MLD): a CXL type 3 device split into LDs, each a full model of
 * {@code emu:mem0}'s kind with its own state, and an FM-owned LD whose CCI the fabric manager reaches
 * through the switch. That CCI answers Identify (0001h), Get Supported Logs / Get Log (its CEL), the MLD
 * component commands (54h, {@link MldCommands}) and Tunnel Management (5300h) to LD 0 or 1. Thread-safe:
 * the FM-owned LD and every LD have their own mailbox lock, always taken in that order.
 */
final class MultiLogicalDevice {
    static final long SERIAL = 0xc0ffee10L;
    static final String FIRMWARE = "fwgate-emu 1.0";

    private final CxlMailbox fmOwnedLd;
    private final List<CxlType3Device> lds = new ArrayList<>();

    /**
     * @param ldAddress the device id of each LD, by LD id
     * @param nanos the devices' time source
     */
    MultiLogicalDevice(List<DeviceId> ldAddress, LongSupplier nanos) {
        Map<Integer, CciTarget> targets = new HashMap<>();
        for (int ld = 0; ld < ldAddress.size(); ld++) {
            CxlType3Device device = new CxlType3Device(ldAddress.get(ld), model(ld), List.of(), nanos);
            lds.add(device);
            targets.put(ld, device::handle);
        }
        InfoStatCommands.Identity identity = new InfoStatCommands.Identity(CxlType3Device.PCI_VENDOR_ID,
                CxlType3Device.PCI_DEVICE_ID, CxlType3Device.PCI_SUBSYSTEM_VENDOR_ID, CxlType3Device.PCI_SUBSYSTEM_ID,
                SERIAL, InfoStatCommands.COMPONENT_TYPE_3);
        BackgroundOperation background = new BackgroundOperation(nanos);
        this.fmOwnedLd = new CxlMailbox(background, List.of(
                new InfoStatCommands(identity, background),
                new LogCommands(this::cel),
                new MldCommands(ldAddress.size()),
                new TunnelCommand(targets)));
    }

    /** LD n reports the MLD's serial plus n + 1, so every LD and the FM-owned LD differ. */
    private static CxlType3Device.Model model(int ld) {
        long serial = SERIAL + ld + 1;
        return new CxlType3Device.Model(new InfoStatCommands.Identity(CxlType3Device.PCI_VENDOR_ID,
                CxlType3Device.PCI_DEVICE_ID, CxlType3Device.PCI_SUBSYSTEM_VENDOR_ID, CxlType3Device.PCI_SUBSYSTEM_ID,
                serial, InfoStatCommands.COMPONENT_TYPE_3), String.format("%#x", serial),
                "fwgate emulated CXL MLD, LD " + ld, FIRMWARE);
    }

    private byte[] cel() {
        return fmOwnedLd.cel();
    }

    /** @return the LDs, by LD id */
    List<CxlType3Device> lds() {
        return List.copyOf(lds);
    }

    /**
     * Runs one command on the FM-owned LD's CCI.
     *
     * @param opcode the opcode
     * @param payload the input payload
     * @param maxResponseSize the largest output the requester accepts
     * @return the answer
     */
    Answer handle(int opcode, byte[] payload, int maxResponseSize) {
        return fmOwnedLd.handle(opcode, payload, maxResponseSize);
    }
}
