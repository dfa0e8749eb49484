package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the vendor commands of one profile device against its state variables, and offers them to the
 * device model they are built on: as a CXL {@link CommandSet} or an NVMe {@link AdminCommandSet}. The
 * state is guarded by the device's lock (mailbox or admin queue), under which handlers run.
 *
 * <p>A command checks its input length, then that its output fits the requester's limit, then the
 * values its actions would store; only when all pass does it change state, so a refused command changes
 * nothing. Failures use the base device's codes: CXL Invalid Payload Length for a wrong input length or
 * an output above the limit, Invalid Input for a value above an action's maximum; NVMe Invalid Field in
 * Command for all three.
 */
final class VendorCommands {
    private final List<VendorOpcode> opcodes;
    private final Map<String, Long> state;

    /**
     * @param opcodes the device's vendor commands
     * @param initial its state variables' initial values
     */
    VendorCommands(List<VendorOpcode> opcodes, Map<String, Long> initial) {
        this.opcodes = List.copyOf(opcodes);
        this.state = new HashMap<>(initial);
    }

    /** The outcome of one command that passed its length checks. */
    private record Outcome(boolean accepted, byte[] output, long result) {
    }

    private Outcome run(VendorOpcode opcode, byte[] input, Map<String, Long> params) {
        List<Long> values = new ArrayList<>();
        for (VendorOpcode.Action action : opcode.actions()) {
            long value = action.from().map(source -> source.read(input, params)).orElse(0L);
            if (Long.compareUnsigned(value, action.max()) > 0) {
                return new Outcome(false, new byte[0], 0);
            }
            values.add(value);
        }
        for (int i = 0; i < values.size(); i++) {
            state.put(opcode.actions().get(i).variable(), values.get(i));
        }
        VendorOpcode.Response response = opcode.response();
        ByteBuffer out = Bytes.out(response.size()).put(response.bytes());
        for (VendorOpcode.Field field : response.fields()) {
            long value = state.get(field.variable());
            for (int i = 0; i < field.size(); i++) {
                out.put(field.offset() + i, (byte) (value >>> 8 * i));
            }
        }
        long result = response.result().map(state::get).orElse(0L) & 0xffff_ffffL;
        return new Outcome(true, out.array(), result);
    }

    /** @return the commands as CXL mailbox commands; none needs the media */
    CommandSet cxl() {
        List<Command> commands = new ArrayList<>();
        for (VendorOpcode opcode : opcodes) {
            commands.add(new Command(opcode.opcode(), opcode.name(), opcode.effects(), false, input -> {
                boolean badLength = opcode.inputLength().isPresent()
                        && input.length() != opcode.inputLength().getAsInt();
                if (badLength || opcode.response().size() > input.responseLimit()) {
                    return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
                }
                Outcome outcome = run(opcode, input.payload(), Map.of());
                return outcome.accepted() ? Answer.ok(outcome.output()) : Answer.of(CxlReturnCode.INVALID_INPUT);
            }));
        }
        return () -> commands;
    }

    /**
     * @return the commands as NVMe admin commands; they may carry host-to-controller data, and like
     *         every admin command outside the spec's list they are aborted while a sanitize runs
     */
    AdminCommandSet nvme() {
        List<NvmeCommand> commands = new ArrayList<>();
        for (VendorOpcode opcode : opcodes) {
            commands.add(new NvmeCommand(opcode.opcode(), opcode.name(), opcode.effects(), 0, false, true, input -> {
                boolean badLength = opcode.inputLength().isPresent()
                        && input.payload().length != opcode.inputLength().getAsInt();
                if (badLength || opcode.response().size() > input.dataLength()) {
                    return NvmeAnswer.of(NvmeStatus.INVALID_FIELD);
                }
                Outcome outcome = run(opcode, input.payload(), parameters(input));
                return outcome.accepted() ? new NvmeAnswer(NvmeStatus.SUCCESS, outcome.output(), outcome.result())
                        : NvmeAnswer.of(NvmeStatus.INVALID_FIELD);
            }));
        }
        return () -> commands;
    }

    private static Map<String, Long> parameters(NvmeInput input) {
        Map<String, Long> params = new HashMap<>();
        params.put("nsid", input.nsid());
        for (int n = 10; n <= 15; n++) {
            params.put("cdw" + n, input.cdw(n));
        }
        return params;
    }
}
