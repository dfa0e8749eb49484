package io.fwgate.emulator.internal;

import java.util.List;

/**
 * Firmware Update command set (02h): Get FW Info (0200h). Transfer FW and Activate FW are not
 * emulated, so they answer Unsupported and the CEL does not list them.
 */
final class FirmwareCommands implements CommandSet {
    static final int GET_FW_INFO = 0x0200;
    /** Get FW Info output: slots, slot info, activation caps, rsvd[13], 4 x 16-byte revisions. */
    static final int FW_INFO_SIZE = 0x50;
    static final int SLOTS = 2;
    static final int ACTIVE_SLOT = 1;

    private final String revision;

    /**
     * @param revision the active slot's firmware revision, as Identify Memory Device reports it
     */
    FirmwareCommands(String revision) {
        this.revision = revision;
    }

    @Override
    public List<Command> commands() {
        return List.of(Command.of(GET_FW_INFO, "Get FW Info", this::info));
    }

    private Answer info(Input input) {
        if (input.length() != 0) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        return Answer.ok(Bytes.out(FW_INFO_SIZE)
                .put(0, (byte) SLOTS)
                // slot info: bits 2:0 active slot, bits 5:3 staged slot (0: none staged)
                .put(1, (byte) ACTIVE_SLOT)
                // activation capabilities: bit 0 online activation, not supported
                .put(2, (byte) 0)
                // slot 1 holds the running firmware; slot 2 is empty
                .put(0x10, Bytes.ascii(revision, 16))
                .array());
    }
}
