package io.fwgate.cci;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fwgate.api.DeviceId;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;

/**
 * Finds the memory devices behind a CXL switch with the switch's own FM API commands: Identify Switch Device
 * (5100h) for its active ports, Get Physical Port State (5101h) for what each downstream port has connected,
 * and for an MLD, Get LD Info (5400h) tunneled (5300h) to its port for the LD count. Layouts as CXL 3.x
 * 7.6.7.1.1, 7.6.7.1.2 and 7.6.7.4.1 (and libcxlmi, QEMU) give them:
 * <ul>
 * <li>Identify Switch Device output: {@code u8 ingress port; u8 rsvd; u8 physical ports; u8 VCSs;
 * u8 active port bitmask[32]; ...}</li>
 * <li>Get Physical Port State input {@code u8 count; u8 port ids[count]}, output {@code u8 count; u8 rsvd[3];}
 * then 16-byte port information blocks {@code u8 port id; u8 configuration state (bits 3:0, 3 downstream
 * port); u8 connected device CXL version; u8 rsvd; u8 connected device type (4 CXL type 3 SLD, 5 CXL type
 * 3 MLD); ...}</li>
 * <li>Get LD Info output: {@code u64 memory size; u16 LD count; u8 QoS telemetry capability}</li>
 * </ul>
 * Stateless.
 */
public final class FabricScan {
    static final int IDENTIFY_SWITCH_DEVICE = 0x5100;
    static final int GET_PHYSICAL_PORT_STATE = 0x5101;
    static final int GET_LD_INFO = 0x5400;
    static final int IDENTIFY_SIZE = 0x49;
    static final int ACTIVE_PORTS = 4;
    static final int PORT_HEADER = 4;
    static final int PORT_BLOCK = 16;
    static final int DOWNSTREAM_PORT = 3;
    static final int TYPE_3_SLD = 4;
    static final int TYPE_3_MLD = 5;
    static final int LD_INFO_SIZE = 11;
    static final int LD_COUNT = 8;
    /** The most LDs an MLD has. */
    static final int MAX_LDS = 16;

    private FabricScan() {
    }

    /**
     * @param cxlSwitch the switch, for messages
     * @param cci reaches the switch's CCI
     * @return the devices found and the problems met; a switch that answers nothing has nothing listed
     */
    public static Fabric scan(DeviceId cxlSwitch, CciChannel cci) {
        List<Fabric.Downstream> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        byte[] ports;
        try {
            ports = portStates(cci, activePorts(cci));
        } catch (IOException e) {
            return new Fabric(found, List.of(e.getMessage()));
        }
        for (int at = PORT_HEADER; at + PORT_BLOCK <= ports.length; at += PORT_BLOCK) {
            int port = Byte.toUnsignedInt(ports[at]);
            if ((ports[at + 1] & 0x0f) != DOWNSTREAM_PORT) {
                continue;
            }
            int type = Byte.toUnsignedInt(ports[at + 4]);
            if (type == TYPE_3_SLD) {
                found.add(new Fabric.Downstream(List.of(TunnelHop.to(port)), "CXL type 3 device (SLD) on switch port "
                        + port));
            } else if (type == TYPE_3_MLD) {
                try {
                    found.addAll(lds(cxlSwitch, cci, port));
                } catch (IOException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        return new Fabric(found, problems);
    }

    private static byte[] activePorts(CciChannel cci) throws IOException {
        byte[] identity = call(cci, IDENTIFY_SWITCH_DEVICE, new byte[0], IDENTIFY_SIZE, ACTIVE_PORTS + 32,
                "Identify Switch Device");
        ByteBuffer ids = ByteBuffer.allocate(256);
        for (int port = 0; port < 256; port++) {
            if ((identity[ACTIVE_PORTS + port / 8] >> (port % 8) & 1) != 0) {
                ids.put((byte) port);
            }
        }
        byte[] active = new byte[ids.position()];
        ids.flip().get(active);
        return active;
    }

    private static byte[] portStates(CciChannel cci, byte[] ports) throws IOException {
        if (ports.length == 0) {
            return new byte[PORT_HEADER];
        }
        byte[] request = new byte[1 + ports.length];
        request[0] = (byte) ports.length;
        System.arraycopy(ports, 0, request, 1, ports.length);
        int size = PORT_HEADER + ports.length * PORT_BLOCK;
        return call(cci, GET_PHYSICAL_PORT_STATE, request, size, size, "Get Physical Port State");
    }

    private static List<Fabric.Downstream> lds(DeviceId cxlSwitch, CciChannel cci, int port) throws IOException {
        TunnelRoute route = new TunnelRoute(cxlSwitch, List.of(TunnelHop.to(port)));
        byte[] info = call(request -> TunnelingTransport.send(cci, route, request), GET_LD_INFO, new byte[0],
                LD_INFO_SIZE, LD_COUNT + 2, "Get LD Info of the MLD on port " + port);
        int count = Short.toUnsignedInt(ByteBuffer.wrap(info).order(ByteOrder.LITTLE_ENDIAN).getShort(LD_COUNT));
        if (count == 0 || count > MAX_LDS) {
            throw new IOException("the MLD on port " + port + " reports " + count + " LDs, not 1 to " + MAX_LDS);
        }
        List<Fabric.Downstream> lds = new ArrayList<>();
        for (int ld = 0; ld < count; ld++) {
            lds.add(new Fabric.Downstream(List.of(TunnelHop.to(port), TunnelHop.to(ld)), "LD " + ld
                    + " of the CXL MLD on switch port " + port));
        }
        return lds;
    }

    /** @return the payload of a successful answer, at least {@code minimum} bytes */
    private static byte[] call(CciChannel cci, int opcode, byte[] payload, int max, int minimum, String name)
            throws IOException {
        DeviceResponse answer = cci.send(new DeviceRequest(opcode, payload, Map.of(), max));
        if (!answer.ok()) {
            throw new IOException(String.format("%s (%04xh) answered return code %04xh", name, opcode,
                    answer.status()));
        }
        if (answer.payload().length < minimum) {
            throw new IOException(String.format("%s (%04xh) answered %d bytes, fewer than %d", name, opcode,
                    answer.payload().length, minimum));
        }
        return answer.payload();
    }
}
