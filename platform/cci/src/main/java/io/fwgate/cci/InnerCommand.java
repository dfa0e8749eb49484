package io.fwgate.cci;

import java.util.List;
import java.util.Objects;

/**
 * The command a request finally runs once every tunnel around it is opened. Immutable.
 *
 * @param opcode the innermost command's opcode
 * @param path the tunnel hops from the addressed CCI to the innermost command's target, outermost first;
 *        empty when the request was not a tunnel
 * @param payload the innermost command's payload
 */
public record InnerCommand(int opcode, List<TunnelHop> path, byte[] payload) {
    /**
     * @throws NullPointerException if {@code path} or {@code payload} is null
     */
    public InnerCommand {
        path = List.copyOf(path);
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** @return true if the request was a tunnel */
    public boolean tunneled() {
        return !path.isEmpty();
    }
}
