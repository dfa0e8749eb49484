package io.fwgate.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client of the daemon protocol, version 1 (docs/protocol.md), with nothing but the JDK's Unix domain
 * sockets and Jackson: one JSON request per line, one answer line per request, in order. One connection;
 * not thread-safe: each benchmark client owns one.
 */
final class SocketClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;
    private long nextId = 1;

    private SocketClient(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = Channels.newOutputStream(channel);
    }

    static SocketClient connect(Path socket) throws IOException {
        return new SocketClient(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
    }

    /**
     * Sends one request and reads its answer.
     *
     * @param op the operation
     * @param members the operation's own members
     * @return the answer's {@code result}
     * @throws IOException if the connection failed or the daemon answered with an error (its kind and message)
     */
    JsonNode request(String op, Map<String, Object> members) throws IOException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("fwgate", 1);
        request.put("id", nextId++);
        request.put("op", op);
        request.putAll(members);
        out.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String line = in.readLine();
        if (line == null) {
            throw new IOException("the daemon closed the connection instead of answering " + op);
        }
        JsonNode answer = JSON.readTree(line);
        if (answer.has("error")) {
            throw new DaemonError("the daemon answered " + op + " with " + answer.get("error").path("kind").asText()
                    + ": " + answer.get("error").path("message").asText());
        }
        return answer.get("result");
    }

    /** @return the call's result after checking the device answered with success */
    JsonNode call(String device, String command) throws IOException {
        JsonNode result = request("call", callMembers(device, command));
        if (!result.path("ok").asBoolean()) {
            throw new IOException(device + " answered " + command + " with " + result.path("status-name").asText());
        }
        return result;
    }

    private static Map<String, Object> callMembers(String device, String command) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("device", device);
        members.put("command", command);
        return members;
    }

    /**
     * @return true if the daemon answered the call with a result (whatever the device's status), false if
     *         with an error (unknown command, plugin changed, refused)
     * @throws IOException if the connection failed
     */
    boolean answers(String device, String command) throws IOException {
        try {
            request("call", callMembers(device, command));
            return true;
        } catch (DaemonError e) {
            return false;
        }
    }

    /** The daemon answered with an error, not a result. */
    static final class DaemonError extends IOException {
        DaemonError(String message) {
            super(message);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
