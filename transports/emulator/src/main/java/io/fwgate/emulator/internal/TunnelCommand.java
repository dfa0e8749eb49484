package io.fwgate.emulator.internal;

import java.util.List;
import java.util.Map;

import io.fwgate.cci.CciFormatException;
import io.fwgate.cci.CciMessage;
import io.fwgate.cci.Tunnel;
import io.fwgate.cci.TunnelRequest;

/**
 * Tunnel Management Command (5300h, FM API command set 53h): delivers the CCI request it carries to the
 * port (at a switch) or LD (at an MLD's FM-owned LD) it names and returns that target's answer inside
 * its own, as QEMU's cmd_tunnel_management_cmd does. The command itself has no effects of its own: what
 * it changes is what the inner command changes, which is why the platform judges it by that command.
 *
 * <p>Return codes of the tunnel itself: Invalid Payload Length when the payload is not a tunnel header
 * and a whole CCI message of the declared sizes; Invalid Input for target type 1 (no LD pool CCI here),
 * an inner message that is not a request, or a port or LD that is not there. Otherwise Success, with the
 * inner command's return code in the inner response.
 */
final class TunnelCommand implements CommandSet {
    /** Bytes the tunnel adds to an answer: its header and the inner CCI header. */
    static final int OVERHEAD = Tunnel.HEADER_SIZE + CciMessage.HEADER_SIZE;
    /** The largest inner payload whose message still fits the response's u16 length. */
    static final int MAX_INNER_PAYLOAD = 0xffff - CciMessage.HEADER_SIZE;

    private final Map<Integer, CciTarget> targets;

    /**
     * @param targets what each port or LD id reaches
     */
    TunnelCommand(Map<Integer, CciTarget> targets) {
        this.targets = Map.copyOf(targets);
    }

    @Override
    public List<Command> commands() {
        return List.of(Command.of(Tunnel.OPCODE, "Tunnel Management Command", this::tunnel));
    }

    private Answer tunnel(Input input) {
        byte[] payload = input.payload();
        if (payload.length < OVERHEAD || Bytes.u16(input.le(), 2) != payload.length - Tunnel.HEADER_SIZE) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        // category (bits 3:0 of the inner message's byte 0) and target type: the caller's input, not its length
        if ((payload[Tunnel.HEADER_SIZE] & 0x0f) != CciMessage.REQUEST || payload[1] != 0) {
            return Answer.of(CxlReturnCode.INVALID_INPUT);
        }
        TunnelRequest request;
        try {
            request = Tunnel.parseRequest(payload);
        } catch (CciFormatException e) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        CciTarget target = targets.get(request.target().id());
        if (target == null) {
            return Answer.of(CxlReturnCode.INVALID_INPUT);
        }
        if (input.responseLimit() < OVERHEAD) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        CciMessage inner = request.inner();
        // the answer must fit the requester's limit and the response's 16-bit length field
        int limit = Math.min(input.responseLimit() - OVERHEAD, MAX_INNER_PAYLOAD);
        Answer answer = target.handle(inner.opcode(), inner.payload(), limit);
        return Answer.ok(Tunnel.response(CciMessage.response(inner, answer.code().code(), answer.payload())));
    }
}
