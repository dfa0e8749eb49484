package io.fwgate.emulator.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

import io.fwgate.api.Effect;

/**
 * FM API Virtual Switch command set (52h): Get Virtual CXL Switch Info (5200h), Bind vPPB (5201h) and
 * Unbind vPPB (5202h), layouts as CXL 3.x section 7.6.7.2 (and libcxlmi) give them. Binding and
 * unbinding complete at once (the spec lets a switch run them in the background), so their CEL entries
 * say immediate configuration change. Only LDs of the MLD on port 1 can be bound: the other downstream
 * port is empty.
 */
final class VirtualSwitchCommands implements CommandSet {
    static final int GET_VIRTUAL_SWITCH_INFO = 0x5200;
    static final int BIND_VPPB = 0x5201;
    static final int UNBIND_VPPB = 0x5202;
    /** VCS state 1: enabled. */
    static final int VCS_ENABLED = 1;
    static final int BIND_INPUT_SIZE = 6;
    static final int UNBIND_INPUT_SIZE = 3;
    /** Unbind options (bits 3:0): wait for link down, managed hot-remove, surprise hot-remove. */
    static final int MAX_UNBIND_OPTION = 2;

    private final SwitchTopology topology;

    VirtualSwitchCommands(SwitchTopology topology) {
        this.topology = topology;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of(GET_VIRTUAL_SWITCH_INFO, "Get Virtual CXL Switch Info", this::info),
                Command.of(BIND_VPPB, "Bind vPPB", this::bind, Effect.CONFIG_CHANGE_IMMEDIATE),
                Command.of(UNBIND_VPPB, "Unbind vPPB", this::unbind, Effect.CONFIG_CHANGE_IMMEDIATE));
    }

    /**
     * Input: u8 start vPPB, u8 vPPB list limit, u8 number of VCSs, then that many VCS ids. Output: u8 number
     * of VCSs, 3 reserved bytes, then per VCS {u8 id, u8 state, u8 USP id, u8 number of vPPBs} and one
     * 4-byte {status, port, LD, rsvd} entry per vPPB from the start vPPB, at most the list limit.
     */
    private Answer info(Input input) {
        byte[] in = input.payload();
        if (in.length < 3 || in.length != 3 + Byte.toUnsignedInt(in[2])) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        int start = Byte.toUnsignedInt(in[0]);
        int limit = Byte.toUnsignedInt(in[1]);
        int count = Byte.toUnsignedInt(in[2]);
        if (limit == 0 || count == 0) {
            return Answer.of(CxlReturnCode.INVALID_INPUT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) count, 0, 0, 0});
        for (int i = 0; i < count; i++) {
            Optional<SwitchTopology.Vcs> vcs = topology.vcs(Byte.toUnsignedInt(in[3 + i]));
            if (vcs.isEmpty()) {
                return Answer.of(CxlReturnCode.INVALID_INPUT);
            }
            writeVcs(out, vcs.get(), start, limit);
        }
        return Answer.ok(out.toByteArray());
    }

    private static void writeVcs(ByteArrayOutputStream out, SwitchTopology.Vcs vcs, int start, int limit) {
        List<SwitchTopology.Vppb> vppbs = vcs.vppbs();
        out.writeBytes(new byte[] {(byte) vcs.id(), VCS_ENABLED, (byte) vcs.upstreamPort(), (byte) vppbs.size()});
        for (int id = start; id < vppbs.size() && id < start + limit; id++) {
            SwitchTopology.Vppb vppb = vppbs.get(id);
            out.writeBytes(new byte[] {(byte) vppb.status, (byte) vppb.port, (byte) vppb.ld, 0});
        }
    }

    /** Input: u8 VCS id, u8 vPPB id, u8 port id, rsvd, u16 LD id (FFFFh: not an LD). */
    private Answer bind(Input input) {
        if (input.length() != BIND_INPUT_SIZE) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        byte[] in = input.payload();
        Optional<SwitchTopology.Vppb> vppb = vppb(in[0], in[1]);
        Optional<SwitchTopology.Port> port = topology.port(Byte.toUnsignedInt(in[2]));
        int ld = Bytes.u16(input.le(), 4);
        if (vppb.isEmpty() || vppb.get().status != SwitchTopology.UNBOUND || port.isEmpty()
                || ld >= port.get().ldCount() || topology.ldBound(port.get().id(), ld)) {
            return Answer.of(CxlReturnCode.INVALID_INPUT);
        }
        vppb.get().bindLd(port.get().id(), ld);
        return Answer.ok();
    }

    /** Input: u8 VCS id, u8 vPPB id, u8 option (bits 3:0; bits 7:4 reserved). */
    private Answer unbind(Input input) {
        if (input.length() != UNBIND_INPUT_SIZE) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        byte[] in = input.payload();
        Optional<SwitchTopology.Vppb> vppb = vppb(in[0], in[1]);
        if (Byte.toUnsignedInt(in[2]) > MAX_UNBIND_OPTION || vppb.isEmpty()
                || vppb.get().status == SwitchTopology.UNBOUND) {
            return Answer.of(CxlReturnCode.INVALID_INPUT);
        }
        vppb.get().unbind();
        return Answer.ok();
    }

    private Optional<SwitchTopology.Vppb> vppb(byte vcsId, byte vppbId) {
        int id = Byte.toUnsignedInt(vppbId);
        return topology.vcs(Byte.toUnsignedInt(vcsId)).filter(vcs -> id < vcs.vppbs().size())
                .map(vcs -> vcs.vppbs().get(id));
    }
}
