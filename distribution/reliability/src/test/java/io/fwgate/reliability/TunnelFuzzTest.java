package io.fwgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fwgate.cci.CciFormatException;
import io.fwgate.cci.CciMessage;
import io.fwgate.cci.InnerCommand;
import io.fwgate.cci.Tunnel;
import io.fwgate.cci.TunnelFailedException;
import io.fwgate.cci.TunnelHop;

/**
 * The tunnel unwrapper on arbitrary bytes: what a caller wraps (the gate opens every level to judge the
 * innermost command) and what a switch answers. A value, {@link CciFormatException} or
 * {@link TunnelFailedException}; never deeper than {@link Tunnel#MAX_DEPTH}.
 */
class TunnelFuzzTest {
    private static final FuzzStats STATS = new FuzzStats("tunnel");

    @FuzzTest(maxDuration = "10s")
    void unwrap(FuzzedDataProvider data) {
        STATS.tried();
        int which = data.consumeInt(0, 4);
        try {
            switch (which) {
                case 0 -> {
                    InnerCommand inner = Tunnel.innermost(data.consumeBoolean() ? Tunnel.OPCODE : data.consumeInt(0, 0xffff),
                            data.consumeRemainingAsBytes());
                    assertThat(inner.path()).hasSizeLessThanOrEqualTo(Tunnel.MAX_DEPTH);
                    assertThat(inner.tunneled() && inner.opcode() == Tunnel.OPCODE).isFalse();
                }
                case 1 -> assertThat(Tunnel.parseRequest(data.consumeRemainingAsBytes()).inner().isRequest()).isTrue();
                case 2 -> assertThat(Tunnel.parseResponse(data.consumeRemainingAsBytes()).isRequest()).isFalse();
                case 3 -> assertThat(CciMessage.decode(data.consumeRemainingAsBytes()).payloadLength())
                        .isLessThanOrEqualTo(CciMessage.MAX_PAYLOAD);
                default -> answer(data);
            }
        } catch (IOException e) {
            // unwrap declares IOException: only its two documented kinds may come out
            assertThat(e).isInstanceOfAny(CciFormatException.class, TunnelFailedException.class);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static void answer(FuzzedDataProvider data) throws IOException {
        List<TunnelHop> path = new ArrayList<>();
        int depth = data.consumeInt(1, Tunnel.MAX_DEPTH);
        for (int i = 0; i < depth; i++) {
            path.add(TunnelHop.to(data.consumeInt(0, 0xff)));
        }
        int opcode = data.consumeInt(0, 0xffff);
        int status = data.consumeBoolean() ? 0 : data.consumeInt(0, 0xffff);
        assertThat(Tunnel.unwrap(path, opcode, status, data.consumeRemainingAsBytes())).isNotNull();
    }

    @AfterAll
    static void report() {
        STATS.write();
    }
}
