package io.fwgate.mctp.internal;

import java.io.IOException;

/** The byte stream under the serial binding: a serial device or a pseudo-terminal. */
interface ByteLink {
    /**
     * @param bytes bytes to send, all of them
     * @throws IOException if the line failed
     */
    void write(byte[] bytes) throws IOException;

    /**
     * @param buffer where to put what arrives
     * @param timeoutNanos how long to wait for at least one byte
     * @return the number of bytes read, 0 if none came in time
     * @throws IOException if the line failed or was closed
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    int read(byte[] buffer, long timeoutNanos) throws IOException, InterruptedException;

    /**
     * Releases the line; the default has nothing to release.
     *
     * @throws IOException if closing failed
     */
    default void close() throws IOException {
    }
}
