package io.fwgate.daemon.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

import io.fwgate.daemon.protocol.Protocol.ErrorKind;

/**
 * Cuts a connection's bytes into request lines (LF-terminated; a CR before the LF is dropped), within
 * the daemon's limits: a line longer than the maximum is refused as soon as it is known to be, a line
 * begun must end within the read timeout (measured from its first byte, so trickling bytes do not keep
 * it alive), and a connection with no line begun is dropped after the idle timeout. Bytes after a line's
 * end are kept for the next line. Not thread-safe: one per connection.
 */
final class LineReader {
    private final Connection connection;
    private final int maxBytes;
    private final long readTimeoutNanos;
    private final long idleTimeoutNanos;
    private final LongSupplier nanos;
    private final byte[] buffer = new byte[8192];
    private int start;
    private int end;

    /**
     * @param connection the bytes
     * @param maxBytes the longest line accepted, without its LF
     * @param readTimeout how long one line may take from its first byte
     * @param idleTimeout how long the connection may send nothing between lines
     * @param nanos the clock
     */
    LineReader(Connection connection, int maxBytes, Duration readTimeout, Duration idleTimeout, LongSupplier nanos) {
        this.connection = connection;
        this.maxBytes = maxBytes;
        this.readTimeoutNanos = readTimeout.toNanos();
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.nanos = nanos;
    }

    /**
     * @return the next line without its terminator, or null at end of stream between lines
     * @throws ProtocolError if the line is too long, stalls, or the stream ends inside it
     * @throws IdleConnectionException if no line began within the idle timeout
     * @throws IOException if reading fails
     */
    byte[] next() throws ProtocolError, IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long began = nanos.getAsLong();
        boolean started = start < end;
        while (true) {
            int newline = indexOfNewline();
            int taken = (newline < 0 ? end : newline) - start;
            if (line.size() + taken > maxBytes) {
                throw new ProtocolError(ErrorKind.TOO_LARGE, "the request is longer than " + maxBytes
                        + " bytes, the most this daemon accepts", null);
            }
            line.write(buffer, start, taken);
            if (newline >= 0) {
                start = newline + 1;
                return withoutCr(line.toByteArray());
            }
            start = end;
            long left = (started ? readTimeoutNanos : idleTimeoutNanos) - (nanos.getAsLong() - began);
            if (left <= 0 || !connection.awaitInput(Math.max(1, left / 1_000_000))) {
                if (!started) {
                    throw new IdleConnectionException("no request for " + millis(idleTimeoutNanos) + " ms");
                }
                throw new ProtocolError(ErrorKind.TIMEOUT, "the request was not complete within "
                        + millis(readTimeoutNanos) + " ms", null);
            }
            int read = connection.read(buffer);
            if (read < 0) {
                if (started) {
                    throw new ProtocolError(ErrorKind.MALFORMED,
                            "the request was truncated: the connection ended before its newline", null, true);
                }
                return null;
            }
            if (!started) {
                started = true;
                began = nanos.getAsLong();
            }
            start = 0;
            end = read;
        }
    }

    private int indexOfNewline() {
        for (int i = start; i < end; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    private static byte[] withoutCr(byte[] line) {
        if (line.length > 0 && line[line.length - 1] == '\r') {
            byte[] shorter = new byte[line.length - 1];
            System.arraycopy(line, 0, shorter, 0, shorter.length);
            return shorter;
        }
        return line;
    }
}
