package io.fwgate.daemon.internal;

import java.io.IOException;

/** One client's byte stream, as the request reader and the handler use it. */
interface Connection {
    /**
     * @param millis how long to wait, at least 0
     * @return true if input, end of stream or an error is ready; false if the time ran out
     * @throws IOException if waiting fails
     */
    boolean awaitInput(long millis) throws IOException;

    /**
     * @param buffer where to read to, from its start
     * @return bytes read, at least 1, or -1 at end of stream
     * @throws IOException if the read fails
     */
    int read(byte[] buffer) throws IOException;

    /**
     * @param bytes written whole
     * @throws IOException if the peer is gone or does not read
     */
    void write(byte[] bytes) throws IOException;
}
