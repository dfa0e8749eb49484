package io.fwgate.emulator.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;

/**
 * An emulated CXL switch with its own CCI, as a fabric manager (a BMC) reaches it: Identify (0001h,
 * component type 00h switch), Get Supported Logs / Get Log (a CEL true to what each command does), the
 * physical and virtual switch commands of the FM API ({@link PhysicalSwitchCommands},
 * {@link VirtualSwitchCommands}) over a {@link SwitchTopology} shared by two hosts, and Tunnel Management
 * (5300h) to port 1, where a {@link MultiLogicalDevice} with two LDs sits. Thread-safe.
 */
final class CxlSwitch implements EmulatedDevice {
    static final int PCI_VENDOR_ID = 0x8086;
    static final int PCI_DEVICE_ID = 0x0d92;
    static final long SERIAL = 0xc0ffee50L;
    static final int COMPONENT_TYPE_SWITCH = 0x00;
    static final String DESCRIPTION = "fwgate emulated CXL switch (4 ports, 2 VCSs, MLD on port 1)";

    private final DeviceInfo info;
    private final CxlMailbox mailbox;

    /**
     * @param id the switch's id
     * @param mld the multi-logical device on port 1
     * @param nanos the time source
     */
    CxlSwitch(DeviceId id, MultiLogicalDevice mld, LongSupplier nanos) {
        this.info = new DeviceInfo(id, DeviceKind.CXL_SWITCH, PCI_VENDOR_ID, PCI_DEVICE_ID,
                Optional.of(String.format("%#x", SERIAL)), DESCRIPTION);
        // a switch's Identify has no subsystem ids (as QEMU reports for its upstream port)
        InfoStatCommands.Identity identity = new InfoStatCommands.Identity(PCI_VENDOR_ID, PCI_DEVICE_ID, 0, 0, SERIAL,
                COMPONENT_TYPE_SWITCH);
        SwitchTopology topology = new SwitchTopology();
        BackgroundOperation background = new BackgroundOperation(nanos);
        this.mailbox = new CxlMailbox(background, List.of(
                new InfoStatCommands(identity, background),
                new LogCommands(this::cel),
                new PhysicalSwitchCommands(topology),
                new VirtualSwitchCommands(topology),
                new TunnelCommand(Map.of(SwitchTopology.MLD_PORT, mld::handle))));
    }

    private byte[] cel() {
        return mailbox.cel();
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    /**
     * @throws IllegalArgumentException if the request has transport parameters (CCI commands have none)
     *         or its opcode does not fit 16 bits
     */
    @Override
    public DeviceResponse send(DeviceRequest request) {
        if (!request.parameters().isEmpty()) {
            throw new IllegalArgumentException("CXL switch CCI commands take no parameters, got "
                    + request.parameters().keySet());
        }
        if (request.opcode() < 0 || request.opcode() > 0xffff) {
            throw new IllegalArgumentException(String.format("CXL opcode 0x%x does not fit 16 bits", request.opcode()));
        }
        Answer answer = mailbox.handle(request.opcode(), request.payload(), request.maxResponseSize());
        return new DeviceResponse(answer.code().code(), answer.payload());
    }
}
