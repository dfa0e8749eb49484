package io.fwgate.emulator.internal;

import java.util.List;
import java.util.Optional;

/**
 * The emulated switch's ports and virtual CXL switches (VCSs), and which vPPB is bound to what. Two
 * hosts share the switch: VCS 0 (upstream port 0) and VCS 1 (upstream port 3), each with two vPPBs.
 * Port 1 holds a multi-logical device with two LDs; at start LD 0 is bound to VCS 0 vPPB 0 and LD 1 to
 * VCS 1 vPPB 0, so unbinding LD 1 surprise-removes the other host's memory. Port 2 is an empty downstream
 * port. Guarded by the switch mailbox's lock.
 */
final class SwitchTopology {
    /** Get Virtual CXL Switch Info binding status: unbound. */
    static final int UNBOUND = 0x00;
    /** Binding status: bound to an LD of an MLD. */
    static final int BOUND_LD = 0x03;
    /** The LD id of a binding that is not to an LD, and the Bind vPPB LD id for "not an LD". */
    static final int NO_LD = 0xff;

    /** What a physical port is. */
    enum Role {
        UPSTREAM, EMPTY_DOWNSTREAM, MLD_DOWNSTREAM
    }

    /**
     * @param id the port number
     * @param role what the port is
     * @param ldCount the LDs of the MLD behind it, 0 if none
     */
    record Port(int id, Role role, int ldCount) {
    }

    /** One vPPB's binding; mutable, under the mailbox's lock. */
    static final class Vppb {
        int status = UNBOUND;
        int port;
        int ld = NO_LD;

        void bindLd(int boundPort, int boundLd) {
            status = BOUND_LD;
            port = boundPort;
            ld = boundLd;
        }

        void unbind() {
            status = UNBOUND;
            port = 0;
            ld = NO_LD;
        }
    }

    /**
     * @param id the VCS id
     * @param upstreamPort its upstream port
     * @param vppbs its vPPBs, by vPPB id
     */
    record Vcs(int id, int upstreamPort, List<Vppb> vppbs) {
    }

    static final int MLD_PORT = 1;
    static final int LD_COUNT = 2;

    private final List<Port> ports = List.of(new Port(0, Role.UPSTREAM, 0), new Port(MLD_PORT, Role.MLD_DOWNSTREAM,
            LD_COUNT), new Port(2, Role.EMPTY_DOWNSTREAM, 0), new Port(3, Role.UPSTREAM, 0));
    private final List<Vcs> vcss = List.of(new Vcs(0, 0, List.of(new Vppb(), new Vppb())),
            new Vcs(1, 3, List.of(new Vppb(), new Vppb())));

    SwitchTopology() {
        vcss.get(0).vppbs().get(0).bindLd(MLD_PORT, 0);
        vcss.get(1).vppbs().get(0).bindLd(MLD_PORT, 1);
    }

    List<Port> ports() {
        return ports;
    }

    List<Vcs> vcss() {
        return vcss;
    }

    Optional<Port> port(int id) {
        return ports.stream().filter(port -> port.id() == id).findFirst();
    }

    Optional<Vcs> vcs(int id) {
        return id < vcss.size() ? Optional.of(vcss.get(id)) : Optional.empty();
    }

    /** @return true if some vPPB of any VCS is bound to that LD */
    boolean ldBound(int port, int ld) {
        return vcss.stream().flatMap(vcs -> vcs.vppbs().stream())
                .anyMatch(vppb -> vppb.status == BOUND_LD && vppb.port == port && vppb.ld == ld);
    }

    int totalVppbs() {
        return vcss.stream().mapToInt(vcs -> vcs.vppbs().size()).sum();
    }

    int boundVppbs() {
        return (int) vcss.stream().flatMap(vcs -> vcs.vppbs().stream()).filter(vppb -> vppb.status != UNBOUND).count();
    }
}
