package io.fwgate.daemon.internal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A raw protocol client for tests: sends bytes, reads answer lines. */
final class Client implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SocketChannel channel;

    Client(Path socket) throws IOException {
        channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    }

    Client send(String text) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            channel.write(out);
        }
        return this;
    }

    /** @return the next answer, or null if the daemon closed the connection */
    JsonNode answer() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (true) {
            one.clear();
            if (channel.read(one) < 0) {
                return line.size() == 0 ? null : JSON.readTree(line.toByteArray());
            }
            if (one.get(0) == '\n') {
                return JSON.readTree(line.toByteArray());
            }
            line.write(one.get(0));
        }
    }

    JsonNode ask(String line) throws IOException {
        return send(line + "\n").answer();
    }

    void closeOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
