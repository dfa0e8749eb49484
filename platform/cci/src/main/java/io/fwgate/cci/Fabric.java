package io.fwgate.cci;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;

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

    /**
     * @param cxlSwitch the switch's device id; each device's id adds its {@link Downstream#suffix()}
     * @param where the switch as a transport describes it, e.g. {@code MCTP endpoint 8 on serial line /dev/ttyS1}
     * @return the memory devices behind the switch, as the switch's transport lists them
     */
    public List<DeviceInfo> infos(DeviceId cxlSwitch, String where) {
        List<DeviceInfo> infos = new ArrayList<>();
        for (Downstream device : devices) {
            infos.add(new DeviceInfo(new DeviceId(cxlSwitch.transport(), cxlSwitch.address() + device.suffix()),
                    DeviceKind.CXL_MEMORY_DEVICE, -1, -1, Optional.empty(), device.description() + " behind " + where
                    + ", reached by tunnel"));
        }
        return infos;
    }

    /**
     * Runs a CXL command on a memory device behind the switch, by tunnel through the switch's FM API.
     *
     * @param fmApi the switch's CCI
     * @param route the device's route: the switch, then its port and LD
     * @param request the command
     * @return the device's answer
     * @throws DeviceGoneException if this fabric lists no device at that route; nothing is sent
     * @throws TunnelFailedException if the switch or the MLD could not deliver the command
     * @throws SocketTimeoutException if the switch did not answer in time; the message names the route
     * @throws IOException if the answer is malformed or the switch could not be reached
     */
    public DeviceResponse send(CciChannel fmApi, TunnelRoute route, DeviceRequest request) throws IOException {
        if (devices.stream().noneMatch(device -> device.path().equals(route.path()))) {
            throw new DeviceGoneException(route + " leads to no memory device " + route.cci() + " lists"
                    + (problems.isEmpty() ? "" : " (discovery: " + String.join("; ", problems) + ")"));
        }
        try {
            return TunnelingTransport.send(fmApi, route, request);
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException(route + ": " + e.getMessage());
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
