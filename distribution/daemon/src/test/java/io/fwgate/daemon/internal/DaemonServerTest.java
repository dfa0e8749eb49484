package io.fwgate.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.fwgate.daemon.DaemonException;
import io.fwgate.daemon.DaemonSettings;
import io.fwgate.platform.CallException;
import io.fwgate.platform.Caller;

/** The server on a real Unix socket through libc: identity from the kernel, limits, stale sockets, stopping. */
class DaemonServerTest {
    /** A guard against a hung test, not a timing assertion. */
    private static final long GUARD_SECONDS = 30;

    @TempDir
    Path dir;

    private final FakeGateway gateway = new FakeGateway();
    private final List<String> problems = new ArrayList<>();
    private final List<DaemonServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(DaemonServer::stop);
    }

    private Path socket() {
        return dir.resolve("fwgate.sock");
    }

    private DaemonServer start(int maxConnections, Duration stopTimeout) throws IOException, DaemonException {
        DaemonSettings settings = new DaemonSettings(socket(), "no-such-group-fwgate-test",
                DaemonSettings.mode("0600"), 256, Duration.ofSeconds(10), Duration.ofMinutes(5), maxConnections,
                stopTimeout);
        Log log = new Log() {
            @Override
            public void info(String line) {
            }

            @Override
            public void problem(String line) {
                problems.add(line);
            }
        };
        DaemonServer server = new DaemonServer(UnixSockets.load(), new Dispatcher(gateway, log), settings, log);
        server.start();
        servers.add(server);
        return server;
    }

    private static Caller self() throws IOException {
        String status = Files.readString(Path.of("/proc/self/status"));
        long uid = Long.parseLong(field(status, "Uid").split("\\s+")[1]);
        long gid = Long.parseLong(field(status, "Gid").split("\\s+")[1]);
        String groups = field(status, "Groups");
        long[] ids = groups.isEmpty() ? new long[0]
                : java.util.Arrays.stream(groups.split("\\s+")).mapToLong(Long::parseLong).toArray();
        return new Caller(uid, gid, ids);
    }

    private static String field(String status, String key) {
        return status.lines().filter(l -> l.startsWith(key + ":")).findFirst().orElseThrow()
                .substring(key.length() + 1).trim();
    }

    @Test
    void theCallerIsWhoTheKernelSaysConnected() throws Exception {
        start(4, Duration.ofSeconds(5));

        try (Client client = new Client(socket())) {
            JsonNode answer = client.ask("{\"fwgate\":1,\"id\":1,\"op\":\"call\",\"device\":\"emu:mem0\","
                    + "\"command\":\"identify\"}");

            assertThat(answer.get("result").get("status-name").asText()).isEqualTo("success");
        }
        Caller kernel = self();
        assertThat(gateway.callers).singleElement().satisfies(caller -> {
            assertThat(caller.uid()).isEqualTo(kernel.uid());
            assertThat(caller.gid()).isEqualTo(kernel.gid());
            assertThat(caller.groups()).containsExactlyInAnyOrder(kernel.groups());
        });
    }

    @Test
    void theSocketFileGetsTheModeAndIsRemovedOnStop() throws Exception {
        DaemonServer server = start(4, Duration.ofSeconds(5));

        assertThat(Files.getPosixFilePermissions(socket())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        server.stop();
        assertThat(socket()).doesNotExist();
    }

    @Test
    void aConnectionBeyondTheLimitIsAnsweredBusyAndClosed() throws Exception {
        start(2, Duration.ofSeconds(5));
        try (Client one = new Client(socket()); Client two = new Client(socket())) {
            // both are admitted once each has been answered
            assertThat(one.ask("{\"fwgate\":1,\"id\":1,\"op\":\"devices\"}").has("result")).isTrue();
            assertThat(two.ask("{\"fwgate\":1,\"id\":1,\"op\":\"devices\"}").has("result")).isTrue();
            try (Client three = new Client(socket())) {
                JsonNode answer = three.answer();

                assertThat(answer.get("id").isNull()).isTrue();
                assertThat(answer.get("error").get("kind").asText()).isEqualTo("busy");
                assertThat(three.answer()).as("closed").isNull();
            }
            assertThat(one.ask("{\"fwgate\":1,\"id\":2,\"op\":\"devices\"}").has("result")).isTrue();
        }
    }

    @Test
    void malformedAndOversizedRequestsDoNotDisturbOtherClients() throws Exception {
        start(4, Duration.ofSeconds(5));
        try (Client bad = new Client(socket()); Client good = new Client(socket())) {
            assertThat(bad.ask("{nope").get("error").get("kind").asText()).isEqualTo("malformed");
            assertThat(bad.ask("{\"fwgate\":1,\"id\":3,\"op\":\"devices\"}").has("result"))
                    .as("the connection survives a malformed line").isTrue();
            JsonNode tooLarge = bad.ask("{\"fwgate\":1,\"id\":4,\"op\":\"devices\",\"x\":\"" + "y".repeat(300) + "\"}");
            assertThat(tooLarge.get("error").get("kind").asText()).isEqualTo("too-large");
            assertThat(bad.answer()).as("closed after too-large").isNull();

            assertThat(good.ask("{\"fwgate\":1,\"id\":1,\"op\":\"devices\"}").get("result").size()).isEqualTo(2);
        }
    }

    @Test
    void aTruncatedRequestIsAnsweredThenTheConnectionEnds() throws Exception {
        start(4, Duration.ofSeconds(5));
        try (Client client = new Client(socket())) {
            client.send("{\"fwgate\":1,\"id\":1,");
            client.closeOutput();

            JsonNode answer = client.answer();
            assertThat(answer.get("error").get("kind").asText()).isEqualTo("malformed");
            assertThat(answer.get("error").get("message").asText()).contains("truncated");
            assertThat(client.answer()).isNull();
        }
    }

    @Test
    void aStaleSocketIsReplacedButALiveDaemonIsNot() throws Exception {
        DaemonServer first = start(4, Duration.ofSeconds(5));

        assertThatExceptionOfType(DaemonException.class).isThrownBy(() -> start(4, Duration.ofSeconds(5)))
                .withMessage("another fwgate daemon answers on " + socket());

        first.stop();
        // a socket file nobody listens on: what a killed daemon leaves
        int stale = UnixSockets.load().bind(socket());
        UnixSockets.load().close(stale);
        assertThat(socket()).exists();

        start(4, Duration.ofSeconds(5));
        try (Client client = new Client(socket())) {
            assertThat(client.ask("{\"fwgate\":1,\"id\":1,\"op\":\"status\"}").has("result")).isTrue();
        }
    }

    @Test
    void somethingElseAtTheSocketPathIsNeverRemoved() throws Exception {
        Files.writeString(socket(), "not a socket");

        assertThatExceptionOfType(DaemonException.class).isThrownBy(() -> start(4, Duration.ofSeconds(5)))
                .withMessageContaining("exists and is not a socket");
        assertThat(Files.readString(socket())).isEqualTo("not a socket");
    }

    @Test
    void stoppingLetsACallInFlightAnswerAndRefusesTheNextRequest() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        gateway.answer = (caller, request) -> {
            inCall.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallException(CallException.Kind.DELIVERY_FAILED, "interrupted");
            }
            return FakeGateway.identify(request);
        };
        DaemonServer server = start(4, Duration.ofSeconds(GUARD_SECONDS));
        try (Client busy = new Client(socket()); Client idle = new Client(socket())) {
            assertThat(idle.ask("{\"fwgate\":1,\"id\":1,\"op\":\"devices\"}").has("result")).isTrue();
            busy.send("{\"fwgate\":1,\"id\":7,\"op\":\"call\",\"device\":\"emu:mem0\",\"command\":\"identify\"}\n"
                    + "{\"fwgate\":1,\"id\":8,\"op\":\"devices\"}\n");
            assertThat(inCall.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Integer> stopped = CompletableFuture.supplyAsync(server::stop);
            assertThat(idle.answer()).as("an idle connection is let go at once").isNull();
            assertThat(stopped).isNotDone();
            release.countDown();

            assertThat(busy.answer().get("result").get("audit-sequence").asLong()).isEqualTo(42);
            JsonNode refused = busy.answer();
            assertThat(refused.get("id").asLong()).isEqualTo(8);
            assertThat(refused.get("error").get("kind").asText()).isEqualTo("shutting-down");
            assertThat(stopped.get(GUARD_SECONDS, TimeUnit.SECONDS)).as("no connection was cut").isZero();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aCallThatOutlastsTheStopTimeoutIsCutOff() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        gateway.answer = (caller, request) -> {
            inCall.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeGateway.identify(request);
        };
        DaemonServer server = start(4, Duration.ofMillis(1));
        try (Client client = new Client(socket())) {
            client.send("{\"fwgate\":1,\"id\":7,\"op\":\"call\",\"device\":\"emu:mem0\",\"command\":\"identify\"}\n");
            assertThat(inCall.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();

            assertThat(server.stop()).isEqualTo(1);
            assertThat(client.answer()).as("the client learns the connection is gone").isNull();
        } finally {
            release.countDown();
        }
    }

    @Test
    void aDatagramReachesANotifySocket() throws Exception {
        Libc libc = com.sun.jna.Native.load("c", Libc.class);
        Path notify = dir.resolve("notify");
        SockaddrUn address = new SockaddrUn(notify.toString());
        int fd = libc.socket(Libc.AF_UNIX, Libc.SOCK_DGRAM, 0);
        try {
            libc.bind(fd, address, address.length());

            SdNotify.send(UnixSockets.load(), notify.toString(), "READY=1");

            byte[] buffer = new byte[64];
            int length = libc.recv(fd, buffer, new com.sun.jna.NativeLong(buffer.length), 0).intValue();
            assertThat(new String(buffer, 0, length, StandardCharsets.UTF_8)).isEqualTo("READY=1");
        } finally {
            libc.close(fd);
        }
    }
}
