package io.fwgate.cci;

import java.util.List;

/**
 * What discovery found behind a switch's downstream ports. Immutable.
 *
 * @param devices the memory devices (an SLD, or each LD of an MLD) reachable by tunnel, in port order
 * @param problems what could not be learned, each naming the command and port; empty if all went well
 */
public record Fabric(List<Fabric.Downstream> devices, List<String> problems) {
    /** Nothing behind: an endpoint that is no switch. */
    public static final Fabric NONE = new Fabric(List.of(), List.of());

    public Fabric {
        devices = List.copyOf(devices);
        problems = List.copyOf(problems);
    }

    /**
     * One memory device behind a switch port. Immutable.
     *
     * @param path the tunnel hops from the switch: its port, then for an MLD the LD
     * @param description what it is, for {@code list}
     */
    public record Downstream(List<TunnelHop> path, String description) {
        public Downstream {
            path = List.copyOf(path);
        }

        /** @return what the device's address adds to the switch's, e.g. {@code /port1/ld0} */
        public String suffix() {
            return "/port" + path.get(0).id() + (path.size() > 1 ? "/ld" + path.get(1).id() : "");
        }
    }

    /** @return e.g. {@code ; 2 memory devices behind its ports}, with the problems; empty for {@link #NONE} */
    public String describe() {
        String unknown = String.join("; ", problems);
        if (devices.isEmpty()) {
            return problems.isEmpty() ? "" : "; what is behind its ports is unknown: " + unknown;
        }
        String found = "; " + devices.size() + (devices.size() == 1 ? " memory device" : " memory devices")
                + " behind its ports";
        return problems.isEmpty() ? found : found + " (not all known: " + unknown + ")";
    }
}
