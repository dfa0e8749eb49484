package io.fwgate.daemon.internal;

import java.io.IOException;
import java.util.function.BooleanSupplier;

import io.fwgate.daemon.protocol.Protocol.ErrorKind;
import io.fwgate.platform.Caller;

/**
 * Serves one connection: reads request lines and answers each in order, for the caller the kernel named
 * when the connection was made. A protocol error is answered and, for the kinds that say so, ends the
 * connection; a request read while the daemon stops is answered {@code shutting-down}. Runs on its own
 * thread; the connection is the caller's to close.
 */
final class ConnectionHandler {
    private final Connection connection;
    private final LineReader reader;
    private final Dispatcher dispatcher;
    private final BooleanSupplier stopping;

    /**
     * @param connection the client's stream
     * @param reader its request lines
     * @param dispatcher what runs requests
     * @param stopping true once the daemon stops
     */
    ConnectionHandler(Connection connection, LineReader reader, Dispatcher dispatcher, BooleanSupplier stopping) {
        this.connection = connection;
        this.reader = reader;
        this.dispatcher = dispatcher;
        this.stopping = stopping;
    }

    /**
     * Serves requests until the client leaves, a closing error, or the daemon stops.
     *
     * @param caller who connected
     * @throws IOException if the connection fails; idle connections end with {@link IdleConnectionException}
     */
    void serve(Caller caller) throws IOException {
        while (true) {
            byte[] line;
            try {
                line = reader.next();
            } catch (ProtocolError e) {
                connection.write(Responses.error(e.id(), e.kind(), e.getMessage()));
                if (e.closes()) {
                    return;
                }
                continue;
            }
            if (line == null) {
                return;
            }
            if (stopping.getAsBoolean()) {
                connection.write(Responses.error(RequestParser.idOf(line), ErrorKind.SHUTTING_DOWN,
                        "the daemon is stopping and runs no new request"));
                return;
            }
            connection.write(dispatcher.handle(caller, line));
        }
    }
}
