package io.fwgate.daemon.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.fwgate.daemon.protocol.JsonText;
import io.fwgate.daemon.protocol.Protocol;
import io.fwgate.daemon.protocol.Protocol.Op;

/**
 * One client connection: writes a request line, reads the answer line, checks version and id. Not
 * thread-safe on its own; {@link RemoteGateway} serializes.
 */
final class DaemonConnection {
    /** A response: {@code result}, or an error object; plain values as {@link JsonText} reads them. */
    record Answer(Object result, Optional<Map<String, Object>> error) {
    }

    private final SocketChannel channel;
    private final String where;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024).flip();
    private long nextId = 1;

    DaemonConnection(SocketChannel channel) {
        this.channel = channel;
        this.where = "the fwgate daemon at " + address(channel);
    }

    private static String address(SocketChannel channel) {
        try {
            return String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            return "its socket";
        }
    }

    /**
     * @param op the operation
     * @param params its members
     * @return the daemon's answer to this request
     * @throws IOException if the connection fails or the answer is not a response to it
     */
    synchronized Answer exchange(Op op, Map<String, Object> params) throws IOException {
        long id = nextId++;
        Map<String, Object> request = new LinkedHashMap<>();
        request.put(Protocol.VERSION_MEMBER, Protocol.VERSION);
        request.put(Protocol.ID, id);
        request.put(Protocol.OP, op.id());
        request.putAll(params);
        write(JsonText.write(request, false).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> response = parse(readLine());
        Optional<Map<String, Object>> error = object(response.get(Protocol.ERROR));
        Object echoed = response.get(Protocol.ID);
        // a daemon refusing the connection itself (busy, stopping) answers before reading, with id null
        if (error.isPresent() && echoed == null) {
            return new Answer(null, error);
        }
        if (!(echoed instanceof Number number) || number.longValue() != id || echoed instanceof Double) {
            throw new IOException(where + " answered request " + id + " with id " + echoed);
        }
        if (error.isPresent()) {
            return new Answer(null, error);
        }
        if (!response.containsKey(Protocol.RESULT)) {
            throw new IOException(where + " answered with neither result nor error: " + response);
        }
        return new Answer(response.get(Protocol.RESULT), Optional.empty());
    }

    /**
     * @param error an error object from the daemon
     * @return a sentence for the user naming the daemon, the error kind and its message
     */
    String failure(Map<String, Object> error) {
        return where + " answered " + error.getOrDefault(Protocol.KIND, "an error") + ": "
                + error.getOrDefault(Protocol.MESSAGE, "");
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> object(Object value) {
        return value instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
    }

    private void write(byte[] json) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        try {
            while (out.hasRemaining()) {
                channel.write(out);
            }
        } catch (IOException e) {
            throw new IOException("cannot send to " + where + ": " + e.getMessage(), e);
        }
    }

    private byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            while (in.hasRemaining()) {
                byte b = in.get();
                if (b == '\n') {
                    return line.toByteArray();
                }
                line.write(b);
            }
            in.clear();
            int read;
            try {
                read = channel.read(in);
            } catch (IOException e) {
                in.flip();
                throw new IOException("lost the connection to " + where + ": " + e.getMessage(), e);
            }
            in.flip();
            if (read < 0) {
                throw new IOException(where + " closed the connection before answering");
            }
        }
    }

    private Map<String, Object> parse(byte[] line) throws IOException {
        Object parsed;
        try {
            parsed = JsonText.parse(line);
        } catch (IOException e) {
            throw new IOException(where + " answered with invalid JSON: " + e.getMessage(), e);
        }
        Map<String, Object> response = object(parsed).orElseThrow(
                () -> new IOException(where + " answered with something other than a JSON object"));
        Object version = response.get(Protocol.VERSION_MEMBER);
        if (!(version instanceof Integer number) || number != Protocol.VERSION) {
            throw new IOException(where + " speaks protocol " + version + ", this client " + Protocol.VERSION);
        }
        return response;
    }

    void close() throws IOException {
        channel.close();
    }
}
