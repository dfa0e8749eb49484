package io.fwgate.cci;

import static io.fwgate.cci.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Tunnel Management Command (5300h) bytes built by hand from the layout in CXL 3.x (and QEMU's
 * cmd_tunnel_management_cmd): request {u8 port_or_ld_id; u8 target_type; u16 command_size; CCI message},
 * response {u16 response_length; u16 rsvd; CCI message}; both sizes count the whole inner message.
 */
class TunnelTest {
    private static final List<TunnelHop> PORT_1_LD_0 = List.of(TunnelHop.to(1), TunnelHop.to(0));

    @Test
    void wrapsOneHop() {
        byte[] payload = Tunnel.wrap(List.of(TunnelHop.to(3)), 0x4200, new byte[0]);

        assertThat(payload).containsExactly(bytes("03 00 0c00 | 00 00 00 00 42 000000 0000 0000"));
    }

    @Test
    void wrapsNestedHopsOutermostFirst() {
        byte[] payload = Tunnel.wrap(PORT_1_LD_0, 0x0001, bytes("aa"));

        // outer: port 1, 29 bytes of CCI message (12 header + 17 payload) carrying 5300h to LD 0
        assertThat(payload).containsExactly(bytes("01 00 1d00 | 00 00 00 00 53 110000 0000 0000"
                + " | 00 00 0d00 | 00 00 00 01 00 010000 0000 0000 aa"));
    }

    @Test
    void wrapsForAnLdPoolCci() {
        byte[] payload = Tunnel.wrap(List.of(new TunnelHop(2, TunnelHop.LD_POOL_CCI)), 0x0001, new byte[0]);

        assertThat(payload).startsWith(bytes("02 01 0c00"));
    }

    @Test
    void unwrapsOneHop() throws Exception {
        byte[] answer = bytes("1000 0000 | 01 00 00 00 42 040000 0000 0000 deadbeef");

        CciMessage inner = Tunnel.unwrap(List.of(TunnelHop.to(3)), 0x4200, 0, answer);

        assertThat(inner.returnCode()).isZero();
        assertThat(inner.payload()).containsExactly(bytes("deadbeef"));
    }

    @Test
    void unwrapsNestedHopsAndKeepsTheInnerReturnCode() throws Exception {
        byte[] answer = bytes("1c00 0000 | 01 00 00 00 53 100000 0000 0000"
                + " | 0c00 0000 | 01 00 00 00 44 000000 1500 0000");

        CciMessage inner = Tunnel.unwrap(PORT_1_LD_0, 0x4400, 0, answer);

        assertThat(inner.returnCode()).isEqualTo(0x15);
        assertThat(inner.payload()).isEmpty();
    }

    @Test
    void aRefusedOuterTunnelIsADeliveryFailureAtHopZero() {
        assertThatThrownBy(() -> Tunnel.unwrap(PORT_1_LD_0, 0x4200, 0x02, new byte[0]))
                .isInstanceOfSatisfying(TunnelFailedException.class, e -> {
                    assertThat(e.hop()).isZero();
                    assertThat(e.returnCode()).isEqualTo(2);
                }).hasMessageContaining("1 -> 0").hasMessageContaining("hop 1 (1)").hasMessageContaining("02h");
    }

    @Test
    void anLdThatDoesNotAnswerFailsAtItsHop() {
        // the switch delivered the tunnel to port 1, whose FM-owned LD refused the tunnel to LD 0
        byte[] answer = bytes("0c00 0000 | 01 00 00 00 53 000000 0200 0000");

        assertThatThrownBy(() -> Tunnel.unwrap(PORT_1_LD_0, 0x4200, 0, answer))
                .isInstanceOfSatisfying(TunnelFailedException.class, e -> assertThat(e.hop()).isEqualTo(1))
                .hasMessageContaining("hop 2 (0)");
    }

    @Test
    void aResponseLengthLongerThanTheBytesIsRefused() {
        byte[] answer = bytes("2000 0000 | 01 00 00 00 42 040000 0000 0000 deadbeef");

        assertThatThrownBy(() -> Tunnel.unwrap(List.of(TunnelHop.to(3)), 0x4200, 0, answer))
                .isInstanceOf(CciFormatException.class)
                .hasMessageContaining("tunnel level 1 response: response length (offset 0) says 32 bytes, but 16");
    }

    @Test
    void anInnerPayloadLengthThatDisagreesIsRefusedWithItsLevel() {
        byte[] answer = bytes("1c00 0000 | 01 00 00 00 53 100000 0000 0000"
                + " | 0c00 0000 | 01 00 00 00 42 ff0000 0000 0000");

        assertThatThrownBy(() -> Tunnel.unwrap(PORT_1_LD_0, 0x4200, 0, answer))
                .isInstanceOf(CciFormatException.class)
                .hasMessageContaining("tunnel level 2 response inner message: payload length field");
    }

    @Test
    void truncatedAnswersAreRefusedNotIndexedPast() {
        for (String hex : List.of("", "10", "1000 00", "1000 0000 01 00 00")) {
            assertThatThrownBy(() -> Tunnel.unwrap(List.of(TunnelHop.to(3)), 0x4200, 0, bytes(hex)))
                    .isInstanceOf(CciFormatException.class).hasMessageContaining("shorter than");
        }
    }

    @Test
    void anAnswerToAnotherCommandIsRefused() {
        byte[] answer = bytes("0c00 0000 | 01 00 00 01 00 000000 0000 0000");

        assertThatThrownBy(() -> Tunnel.unwrap(List.of(TunnelHop.to(3)), 0x4200, 0, answer))
                .isInstanceOf(CciFormatException.class).hasMessageContaining("answers opcode 0001h, not 4200h");
    }

    @Test
    void aRequestWhereAResponseBelongsIsRefused() {
        byte[] answer = bytes("0c00 0000 | 00 00 00 00 42 000000 0000 0000");

        assertThatThrownBy(() -> Tunnel.unwrap(List.of(TunnelHop.to(3)), 0x4200, 0, answer))
                .isInstanceOf(CciFormatException.class).hasMessageContaining("is a request, not a response");
    }

    @Test
    void innermostOfAPlainCommandIsTheCommand() throws Exception {
        InnerCommand inner = Tunnel.innermost(0x4200, bytes("01"));

        assertThat(inner.opcode()).isEqualTo(0x4200);
        assertThat(inner.tunneled()).isFalse();
        assertThat(inner.payload()).containsExactly(1);
    }

    @Test
    void innermostOpensNestedTunnels() throws Exception {
        byte[] sanitize = bytes("01 00 1d00 | 00 00 00 00 53 110000 0000 0000"
                + " | 01 00 0d00 | 00 00 00 00 44 010000 0000 0000 07");

        InnerCommand inner = Tunnel.innermost(Tunnel.OPCODE, sanitize);

        assertThat(inner.opcode()).isEqualTo(0x4400);
        assertThat(inner.path()).containsExactly(TunnelHop.to(1), TunnelHop.to(1));
        assertThat(inner.payload()).containsExactly(7);
    }

    @Test
    void innermostRefusesAMalformedInnerCommandSize() {
        byte[] request = bytes("01 00 0e00 | 00 00 00 00 42 000000 0000 0000");

        assertThatThrownBy(() -> Tunnel.innermost(Tunnel.OPCODE, request))
                .isInstanceOf(CciFormatException.class)
                .hasMessageContaining("tunnel level 1 request: command size (offset 2) says 14 bytes, but 12");
    }

    @Test
    void innermostRefusesAnUnknownTargetType() {
        byte[] request = bytes("01 07 0c00 | 00 00 00 00 42 000000 0000 0000");

        assertThatThrownBy(() -> Tunnel.innermost(Tunnel.OPCODE, request))
                .isInstanceOf(CciFormatException.class).hasMessageContaining("target type 7 at offset 1");
    }

    @Test
    void innermostRefusesAResponseWhereARequestBelongs() {
        byte[] request = bytes("01 00 0c00 | 01 00 00 00 44 000000 0000 0000");

        assertThatThrownBy(() -> Tunnel.innermost(Tunnel.OPCODE, request))
                .isInstanceOf(CciFormatException.class).hasMessageContaining("is a response, not a request");
    }

    @Test
    void innermostRefusesNestingDeeperThanTheLimit() {
        List<TunnelHop> deep = List.of(TunnelHop.to(0), TunnelHop.to(0), TunnelHop.to(0), TunnelHop.to(0),
                TunnelHop.to(0), TunnelHop.to(0), TunnelHop.to(0), TunnelHop.to(0));
        byte[] eightLevelsOfTunnel = Tunnel.wrap(deep, Tunnel.OPCODE, Tunnel.wrap(List.of(TunnelHop.to(0)), 1,
                new byte[0]));

        assertThatThrownBy(() -> Tunnel.innermost(Tunnel.OPCODE, eightLevelsOfTunnel))
                .isInstanceOf(CciFormatException.class).hasMessageContaining("deeper than 8");
    }

    @Test
    void wrapRefusesPathsItCannotCarry() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tunnel.wrap(List.of(), 1, new byte[0]))
                .withMessageContaining("1 to 8 hops, not 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Tunnel.wrap(List.of(TunnelHop.to(1)), 1, new byte[0xffff]))
                .withMessageContaining("at most 65535 bytes");
    }

    @Test
    void parsedRequestsAndBuiltResponsesFollowTheLayout() throws Exception {
        TunnelRequest request = Tunnel.parseRequest(bytes("05 00 0d00 | 00 03 00 00 42 010000 0000 0000 ee"));

        assertThat(request.target()).isEqualTo(TunnelHop.to(5));
        assertThat(request.inner().tag()).isEqualTo(3);
        assertThat(Tunnel.response(CciMessage.response(request.inner(), 0, bytes("ab"))))
                .containsExactly(bytes("0d00 0000 | 01 03 00 00 42 010000 0000 0000 ab"));
    }

    @Test
    void arbitraryBytesFailOnlyAsFormatErrors() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] junk = new byte[random.nextInt(48)];
            random.nextBytes(junk);
            if (junk.length >= 4 && random.nextBoolean()) {
                junk[2] = (byte) (junk.length - 4);
                junk[3] = 0;
            }
            try {
                Tunnel.innermost(Tunnel.OPCODE, junk);
                Tunnel.unwrap(PORT_1_LD_0, 0x4200, 0, junk);
            } catch (CciFormatException | TunnelFailedException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (Exception e) {
                throw new AssertionError("bytes " + Hex.of(junk) + " threw " + e, e);
            }
        }
    }
}
