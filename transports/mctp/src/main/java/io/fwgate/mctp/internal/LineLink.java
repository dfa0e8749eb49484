package io.fwgate.mctp.internal;

import java.io.IOException;

import io.fwgate.mctp.SerialLine;

/** A {@link SerialLine} as the requester's byte stream. */
final class LineLink implements ByteLink {
    private final SerialLine line;

    LineLink(SerialLine line) {
        this.line = line;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        line.write(bytes);
    }

    @Override
    public int read(byte[] buffer, long timeoutNanos) throws IOException, InterruptedException {
        return line.read(buffer, timeoutNanos);
    }

    @Override
    public void close() throws IOException {
        line.close();
    }
}
