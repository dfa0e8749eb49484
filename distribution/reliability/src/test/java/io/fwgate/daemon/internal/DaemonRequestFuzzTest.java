package io.fwgate.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fwgate.daemon.protocol.Protocol.ErrorKind;
import io.fwgate.daemon.protocol.Protocol.Op;
import io.fwgate.reliability.FuzzStats;

/**
 * The daemon's request parser on arbitrary request lines, as any local user may send them: a request or a
 * {@link ProtocolError} of a kind the protocol documents for a bad line (docs/protocol.md), never another
 * exception; a call it accepts names a device and a command.
 */
class DaemonRequestFuzzTest {
    private static final FuzzStats STATS = new FuzzStats("daemon-request");
    private static final Set<ErrorKind> FOR_A_BAD_LINE = Set.of(ErrorKind.MALFORMED, ErrorKind.INVALID_REQUEST,
            ErrorKind.UNSUPPORTED_VERSION);

    @FuzzTest(maxDuration = "10s")
    void parse(byte[] line) {
        STATS.tried();
        try {
            Request request = RequestParser.parse(line);
            assertThat(request.op()).isNotNull();
            assertThat(request.id()).isNotNull();
            if (request.op() == Op.CALL) {
                assertThat(request.device()).isNotNull();
                assertThat(request.command()).isNotNull();
            }
        } catch (ProtocolError e) {
            assertThat(e.kind()).isIn(FOR_A_BAD_LINE);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @AfterAll
    static void report() {
        STATS.write();
    }
}
