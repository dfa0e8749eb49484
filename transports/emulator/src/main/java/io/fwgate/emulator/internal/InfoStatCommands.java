package io.fwgate.emulator.internal;

import java.util.List;

/**
 * Information and Status command set (00h): Identify (0001h) and Background Operation Status (0002h).
 */
final class InfoStatCommands implements CommandSet {
    static final int IDENTIFY = 0x0001;
    static final int BACKGROUND_OPERATION_STATUS = 0x0002;
    /** Identify output: u16 vendor, device, subsystem vendor, subsystem ids, u64 serial, u8 size, u8 type. */
    static final int IDENTIFY_SIZE = 18;
    /** Identify's component type for a CXL type 3 device (00h switch, 03h type 3). */
    static final int COMPONENT_TYPE_3 = 0x03;

    /**
     * What Identify reports about the component.
     *
     * @param vendorId PCIe vendor id
     * @param deviceId PCIe device id
     * @param subsystemVendorId PCIe subsystem vendor id
     * @param subsystemId PCIe subsystem id
     * @param serial the device serial number
     * @param componentType the component type code
     */
    record Identity(int vendorId, int deviceId, int subsystemVendorId, int subsystemId, long serial,
            int componentType) {
    }

    private final Identity identity;
    private final BackgroundOperation background;

    InfoStatCommands(Identity identity, BackgroundOperation background) {
        this.identity = identity;
        this.background = background;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of(IDENTIFY, "Identify", this::identify),
                Command.of(BACKGROUND_OPERATION_STATUS, "Background Operation Status", this::status));
    }

    private Answer identify(Input input) {
        if (input.length() != 0) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        return Answer.ok(Bytes.out(IDENTIFY_SIZE)
                .putShort(0, (short) identity.vendorId())
                .putShort(2, (short) identity.deviceId())
                .putShort(4, (short) identity.subsystemVendorId())
                .putShort(6, (short) identity.subsystemId())
                .putLong(8, identity.serial())
                // the largest message, as 2^n bytes: the mailbox payload size
                .put(16, (byte) CxlMailbox.PAYLOAD_SIZE_LOG2)
                .put(17, (byte) identity.componentType())
                .array());
    }

    private Answer status(Input input) {
        if (input.length() != 0) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        return Answer.ok(background.status());
    }
}
