package io.fwgate.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One connection to the daemon speaking protocol version 1 (docs/protocol.md): a request line out, its
 * answer line back. Not thread-safe: one client thread owns it.
 */
final class Wire implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(1 << 20);
    private long next;

    Wire(Path socket) throws IOException {
        channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    }

    /** @return a request with the header set and the next id */
    ObjectNode request(String op) {
        ObjectNode request = JSON.createObjectNode();
        request.put("fwgate", 1).put("id", ++next).put("op", op);
        return request;
    }

    ObjectNode call(String device, String command, Map<String, String> args, boolean confirm) {
        ObjectNode request = request("call").put("device", device).put("command", command).put("confirm", confirm);
        ObjectNode arguments = request.putObject("arguments");
        args.forEach(arguments::put);
        return request;
    }

    /** @return the answer, or throws IOException when the daemon closed the connection (or died) */
    JsonNode ask(ObjectNode request) throws IOException {
        return ask(JSON.writeValueAsString(request));
    }

    JsonNode ask(String line) throws IOException {
        ByteBuffer out = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            channel.write(out);
        }
        return JSON.readTree(readLine());
    }

    private String readLine() throws IOException {
        while (true) {
            for (int i = 0; i < in.position(); i++) {
                if (in.get(i) == '\n') {
                    String line = new String(in.array(), 0, i, StandardCharsets.UTF_8);
                    in.flip().position(i + 1);
                    in.compact();
                    return line;
                }
            }
            if (channel.read(in) < 0) {
                throw new IOException("the daemon closed the connection");
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
