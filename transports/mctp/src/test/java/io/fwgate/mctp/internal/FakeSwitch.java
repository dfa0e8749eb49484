package io.fwgate.mctp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.fwgate.cci.CciMessage;
import io.fwgate.cci.Tunnel;
import io.fwgate.cci.TunnelRequest;

/**
 * A switch's management endpoint (EID 8, MCTP control and FM API) whose FM API answers are written here from
 * CXL 3.x: Identify Switch Device (active port bitmask at byte 4), Get Physical Port State (4-byte header,
 * 16-byte blocks: port id, configuration state at byte 1, 3 downstream and 4 upstream port, connected device
 * type at byte 4, 4 SLD and 5 MLD) and Get LD Info (LD count, u16, at byte 8). Port 0 is the upstream port,
 * port 1 has an MLD with 2 LDs, port 2 an SLD that never answers, port 3 nothing. LD 0 answers every command
 * with the payload {@code 5Ah}; the MLD's Tunnel Management Command to LD 1 fails with {@link #ld1ReturnCode}.
 * Use {@link #answer} as a {@link FakeEndpoint}'s responder.
 */
final class FakeSwitch {
    final List<CciMessage> fmApiRequests = new ArrayList<>();
    int ld1ReturnCode = 0x0001;

    Optional<byte[]> answer(byte[] message) {
        int instance = message[1] & 0x1f;
        return switch (message[0]) {
            case 0x00 -> Optional.of(message[2] == 0x02
                    ? new byte[] {0x00, (byte) instance, 0x02, 0x00, 0x08, 0x01, 0x00}
                    : new byte[] {0x00, (byte) instance, 0x05, 0x00, 0x01, 0x07});
            case 0x07 -> fmApi(cci(message)).map(response -> FakeEndpoint.withType(0x07, response.encode()));
            default -> Optional.empty();
        };
    }

    Optional<CciMessage> fmApi(CciMessage request) {
        fmApiRequests.add(request);
        return switch (request.opcode()) {
            case 0x5100 -> Optional.of(CciMessage.response(request, 0, identifySwitch()));
            case 0x5101 -> Optional.of(CciMessage.response(request, 0, portState(request.payload())));
            case 0x5300 -> tunnel(request);
            default -> Optional.of(CciMessage.response(request, 0x0015, new byte[0]));
        };
    }

    private static byte[] identifySwitch() {
        byte[] out = new byte[0x49];
        out[2] = 4;
        out[3] = 1;
        out[4] = 0x0f; // active ports 0 to 3
        return out;
    }

    private static byte[] portState(byte[] in) {
        assertThat(in).as("Get Physical Port State asks for the active ports").containsExactly(4, 0, 1, 2, 3);
        byte[] out = new byte[4 + 4 * 16];
        out[0] = 4;
        int[][] ports = {{0, 4, 0}, {1, 3, 5}, {2, 3, 4}, {3, 3, 0}};
        for (int i = 0; i < ports.length; i++) {
            out[4 + i * 16] = (byte) ports[i][0];
            out[4 + i * 16 + 1] = (byte) ports[i][1];
            out[4 + i * 16 + 4] = (byte) ports[i][2];
        }
        return out;
    }

    /** Port 1 reaches the MLD's FM-owned LD; port 2's SLD stays silent, so the whole message goes unanswered. */
    private Optional<CciMessage> tunnel(CciMessage request) {
        TunnelRequest toPort = parse(request.payload());
        if (toPort.target().id() != 1) {
            return Optional.empty();
        }
        CciMessage inner = toPort.inner();
        byte[] answer;
        if (inner.opcode() == 0x5400) {
            byte[] info = new byte[11];
            info[4] = 0x40; // 1 GiB, little endian
            info[8] = 2;
            answer = Tunnel.response(CciMessage.response(inner, 0, info));
        } else {
            TunnelRequest toLd = parse(inner.payload());
            answer = toLd.target().id() == 0
                    ? Tunnel.response(CciMessage.response(inner, 0, Tunnel.response(CciMessage.response(toLd.inner(), 0,
                            new byte[] {0x5a}))))
                    : Tunnel.response(CciMessage.response(inner, ld1ReturnCode, new byte[0]));
        }
        return Optional.of(CciMessage.response(request, 0, answer));
    }

    static TunnelRequest parse(byte[] payload) {
        try {
            return Tunnel.parseRequest(payload);
        } catch (IOException e) {
            throw new AssertionError("the transport sent a malformed tunnel", e);
        }
    }

    static CciMessage cci(byte[] message) {
        try {
            return CciMessage.decode(Arrays.copyOfRange(message, 1, message.length));
        } catch (IOException e) {
            throw new AssertionError("the transport sent a malformed CCI message", e);
        }
    }
}
