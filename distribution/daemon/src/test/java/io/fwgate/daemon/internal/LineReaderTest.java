package io.fwgate.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.fwgate.daemon.protocol.Protocol.ErrorKind;

/** Request framing under the daemon's limits, with a scripted connection and a test clock. */
class LineReaderTest {
    private static final int MAX = 16;
    private final ScriptedConnection connection = new ScriptedConnection();
    private final LineReader reader = new LineReader(connection, MAX, Duration.ofSeconds(10), Duration.ofMinutes(5),
            () -> connection.nanos);

    private String next() throws Exception {
        byte[] line = reader.next();
        return line == null ? null : new String(line, StandardCharsets.UTF_8);
    }

    @Test
    void linesSplitAcrossAndWithinReadsComeOutWhole() throws Exception {
        connection.send("{\"a\"").send(":1}\n{\"b\":2}\n{\"c\"").send(":3}\r\n").end();

        assertThat(next()).isEqualTo("{\"a\":1}");
        assertThat(next()).isEqualTo("{\"b\":2}");
        assertThat(next()).as("a CR before the LF is dropped").isEqualTo("{\"c\":3}");
        assertThat(next()).as("end of stream between lines").isNull();
    }

    @Test
    void aLineOfExactlyTheLimitIsAccepted() throws Exception {
        connection.send("x".repeat(MAX) + "\n");

        assertThat(next()).hasSize(MAX);
    }

    @Test
    void aLongerLineIsTooLargeAndClosesWithoutWaitingForItsEnd() {
        connection.send("x".repeat(MAX + 1)).silence();

        assertThatExceptionOfType(ProtocolError.class).isThrownBy(reader::next).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
            assertThat(e.closes()).isTrue();
            assertThat(e).hasMessageContaining(Integer.toString(MAX));
        });
    }

    @Test
    void aLongLineInOneReadIsTooLargeEvenWithItsNewline() {
        connection.send("x".repeat(MAX + 5) + "\n");

        assertThatExceptionOfType(ProtocolError.class).isThrownBy(reader::next)
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE));
    }

    @Test
    void aStalledRequestTimesOutAndCloses() {
        connection.send("{\"fwgate\":1,").silence();

        assertThatExceptionOfType(ProtocolError.class).isThrownBy(reader::next).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(e.closes()).isTrue();
            assertThat(e).hasMessageContaining("10000 ms");
        });
    }

    /** One byte every 10 ms, never a newline. */
    private static final class Trickle implements Connection {
        long nanos;
        int reads;

        @Override
        public boolean awaitInput(long millis) {
            nanos += 10_000_000;
            return true;
        }

        @Override
        public int read(byte[] buffer) {
            reads++;
            buffer[0] = ' ';
            return 1;
        }

        @Override
        public void write(byte[] bytes) {
        }
    }

    @Test
    void tricklingBytesDoNotExtendTheReadTimeout() {
        Trickle trickle = new Trickle();
        LineReader slow = new LineReader(trickle, 1000, Duration.ofMillis(100), Duration.ofMinutes(5),
                () -> trickle.nanos);

        assertThatExceptionOfType(ProtocolError.class).isThrownBy(slow::next)
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT));
        assertThat(trickle.reads).as("the timeout counts from the first byte").isBetween(9, 11);
    }

    @Test
    void anIdleConnectionIsLetGoWithoutAnAnswer() {
        connection.silence();

        assertThatExceptionOfType(IdleConnectionException.class).isThrownBy(reader::next);
    }

    @Test
    void endOfStreamInsideARequestIsATruncatedMalformedRequest() {
        connection.send("{\"fwgate\":1").end();

        assertThatExceptionOfType(ProtocolError.class).isThrownBy(reader::next).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED);
            assertThat(e.closes()).isTrue();
            assertThat(e).hasMessageContaining("truncated");
        });
    }
}
