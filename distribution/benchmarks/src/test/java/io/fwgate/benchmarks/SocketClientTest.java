package io.fwgate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client speaks protocol version 1 (docs/protocol.md) to a scripted daemon on a real Unix socket. */
class SocketClientTest {
    @TempDir
    Path dir;

    private final ExecutorService daemon = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        daemon.shutdownNow();
    }

    /** Answers each request line with the next scripted answer and returns the requests it read. */
    private Future<List<String>> serve(Path socket, String... answers) throws Exception {
        ServerSocketChannel server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return daemon.submit(() -> {
            List<String> requests = new ArrayList<>();
            try (server; SocketChannel client = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                        StandardCharsets.UTF_8));
                OutputStream out = Channels.newOutputStream(client);
                for (String answer : answers) {
                    requests.add(in.readLine());
                    out.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return requests;
        });
    }

    @Test
    void aRequestIsOneVersionedLineAndItsResultIsReturned() throws Exception {
        Path socket = dir.resolve("s");
        Future<List<String>> requests = serve(socket, "{\"fwgate\":1,\"id\":1,\"result\":{\"ok\":true,\"status\":0}}");

        try (SocketClient client = SocketClient.connect(socket)) {
            assertThat(client.call("emu:mem0", "get-health-info").path("status").asInt()).isZero();
        }

        assertThat(requests.get()).singleElement().isEqualTo(
                "{\"fwgate\":1,\"id\":1,\"op\":\"call\",\"device\":\"emu:mem0\",\"command\":\"get-health-info\"}");
    }

    @Test
    void anErrorAnswerIsNoAnswerFromTheCommandAndCarriesItsKind() throws Exception {
        Path socket = dir.resolve("s");
        serve(socket, "{\"fwgate\":1,\"id\":1,\"error\":{\"kind\":\"bad-request\",\"message\":\"unknown command\"}}",
                "{\"fwgate\":1,\"id\":2,\"result\":{\"ok\":false,\"status-name\":\"unsupported\"}}",
                "{\"fwgate\":1,\"id\":3,\"error\":{\"kind\":\"refused\",\"message\":\"no\"}}");

        try (SocketClient client = SocketClient.connect(socket)) {
            assertThat(client.answers("emu:mem0", "bench-reload")).isFalse();
            assertThat(client.answers("emu:mem0", "bench-reload")).as("a device failure is still an answer").isTrue();
            assertThatThrownBy(() -> client.request("audit", Map.of())).isInstanceOf(SocketClient.DaemonError.class)
                    .hasMessageContaining("refused: no");
        }
    }
}
