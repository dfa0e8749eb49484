package io.fwgate.daemon.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fwgate.api.DeviceId;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.daemon.internal.FakeGateway;
import io.fwgate.daemon.internal.TestDaemon;
import io.fwgate.daemon.protocol.Wire;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.Caller;
import io.fwgate.platform.RefusedException;

/**
 * The client gateway against a real daemon over a fake platform: every value arrives as the platform
 * gave it (compared in its JSON form, which is what front ends print), and every failure as the kind it was.
 */
class RemoteGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Caller IGNORED = new Caller(12345, 12345, new long[] { 1 });

    @TempDir
    Path dir;

    private final FakeGateway platform = new FakeGateway();
    private TestDaemon daemon;
    private RemoteGateway remote;

    private RemoteGateway connect() throws Exception {
        daemon = TestDaemon.start(platform, dir.resolve("d.sock"));
        remote = new RemoteGateway(SocketChannel.open(UnixDomainSocketAddress.of(dir.resolve("d.sock"))));
        return remote;
    }

    @AfterEach
    void close() throws IOException {
        if (remote != null) {
            remote.close();
        }
        if (daemon != null) {
            daemon.stop();
        }
    }

    private static String json(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }

    @Test
    void everyReadArrivesAsThePlatformGaveIt() throws Exception {
        RemoteGateway gateway = connect();

        assertThat(json(gateway.devices().stream().map(Wire::device).toList()))
                .isEqualTo(json(platform.devices().stream().map(Wire::device).toList()));
        assertThat(gateway.devices().get(1).pciVendorId()).isEqualTo(-1);
        assertThat(gateway.commands(FakeGateway.MEM0)).isEqualTo(platform.commands(FakeGateway.MEM0));
        assertThat(gateway.plugins()).isEqualTo(platform.plugins());
        assertThat(gateway.progress(IGNORED, FakeGateway.MEM0)).isEqualTo(platform.progress(IGNORED, FakeGateway.MEM0));
        assertThat(json(gateway.audit().records(0))).isEqualTo(json(platform.audit().records(0)));
        assertThat(gateway.audit().verify()).isEqualTo(platform.audit().verify());
    }

    @Test
    void aCallsResultKeepsItsNumbersAndOrder() throws Exception {
        RemoteGateway gateway = connect();
        CallRequest request = new CallRequest(FakeGateway.MEM0, "identify", Map.of("a", "1"), true);

        assertThat(json(Wire.result(gateway.call(IGNORED, request))))
                .isEqualTo(json(Wire.result(FakeGateway.identify(request))));
        assertThat(platform.requests).containsExactly(request);
    }

    @Test
    void theCallerArgumentIsNeverSentTheKernelsIdentityIsUsed() throws Exception {
        RemoteGateway gateway = connect();
        long uid = Long.parseLong(java.nio.file.Files.readString(Path.of("/proc/self/status")).lines()
                .filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[2]);

        gateway.call(IGNORED, new CallRequest(FakeGateway.MEM0, "identify", Map.of(), false));

        assertThat(platform.callers).singleElement().satisfies(caller -> assertThat(caller.uid()).isEqualTo(uid));
        assertThat(gateway.status(IGNORED).caller().uid()).isEqualTo(uid);
    }

    @Test
    void aRefusalArrivesWithTheLevelsNeededAndGranted() throws Exception {
        platform.answer = (caller, request) -> {
            throw new RefusedException("refused: sanitize needs debug-write-full, you have telemetry",
                    Level.DEBUG_WRITE_FULL, Reach.DEVICE, Level.TELEMETRY, Reach.DEVICE);
        };
        RemoteGateway gateway = connect();

        assertThatExceptionOfType(RefusedException.class)
                .isThrownBy(() -> gateway.call(IGNORED, new CallRequest(FakeGateway.MEM0, "sanitize", Map.of(), true)))
                .withMessage("refused: sanitize needs debug-write-full, you have telemetry").satisfies(e -> {
                    assertThat(e.neededLevel()).isEqualTo(Level.DEBUG_WRITE_FULL);
                    assertThat(e.grantedLevel()).isEqualTo(Level.TELEMETRY);
                    assertThat(e.kind()).isEqualTo(CallException.Kind.REFUSED);
                });
    }

    @Test
    void eachCallFailureKeepsItsKindAndMessage() throws Exception {
        RemoteGateway gateway = connect();
        for (CallException.Kind kind : CallException.Kind.values()) {
            platform.answer = (caller, request) -> {
                throw new CallException(kind, "because " + kind);
            };

            assertThatExceptionOfType(CallException.class)
                    .isThrownBy(() -> gateway.call(IGNORED, new CallRequest(FakeGateway.MEM0, "x", Map.of(), false)))
                    .withMessage("because " + kind).satisfies(e -> assertThat(e.kind()).isEqualTo(kind));
        }
        assertThatExceptionOfType(CallException.class)
                .isThrownBy(() -> gateway.commands(DeviceId.parse("emu:nosuch")))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(CallException.Kind.BAD_REQUEST));
    }

    @Test
    void anAuditReadFailureIsTheIoExceptionTheDaemonMet() throws Exception {
        platform.auditFailure = new IOException("/var/lib/fwgate/audit.jsonl: permission denied");
        RemoteGateway gateway = connect();

        assertThatExceptionOfType(IOException.class).isThrownBy(() -> gateway.audit().records(0))
                .withMessage("/var/lib/fwgate/audit.jsonl: permission denied");
    }

    /** A fake daemon that answers each request line with the next canned line, then reads one more and closes. */
    private SocketChannel scripted(String... answers) throws Exception {
        Path socket = dir.resolve("scripted.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        CompletableFuture.runAsync(() -> {
            try (server; SocketChannel peer = server.accept()) {
                for (String answer : answers) {
                    readLine(peer);
                    peer.write(ByteBuffer.wrap((answer + "\n").getBytes(StandardCharsets.UTF_8)));
                }
                readLine(peer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return SocketChannel.open(UnixDomainSocketAddress.of(socket));
    }

    private static void readLine(SocketChannel peer) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        while (peer.read(one.clear()) > 0 && one.get(0) != '\n') {
            // the request's content does not matter to a script
        }
    }

    @Test
    void aBusyDaemonIsNamedInAnUncheckedFailure() throws Exception {
        remote = new RemoteGateway(scripted("{\"fwgate\":1,\"id\":null,\"error\":{\"kind\":\"busy\",\"message\":"
                + "\"the daemon serves 64 connections already\"}}"));

        assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(remote::devices)
                .withMessageContaining("the fwgate daemon at ").withMessageContaining("scripted.sock")
                .withMessageContaining("answered busy: the daemon serves 64 connections already");
    }

    @Test
    void anAnswerToAnotherRequestOrNoAnswerIsAFailureNotAResult() throws Exception {
        remote = new RemoteGateway(scripted("{\"fwgate\":1,\"id\":99,\"result\":[]}"));

        assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(remote::plugins)
                .withMessageContaining("answered request 1 with id 99");
        assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(remote::plugins)
                .withMessageContaining("closed the connection before answering");
    }

    @Test
    void anAnswerOfTheWrongShapeNamesTheMember() throws Exception {
        remote = new RemoteGateway(
                scripted("{\"fwgate\":1,\"id\":1,\"result\":[{\"id\":\"emu:mem0\",\"pci\":null,\"serial\":null}]}"));

        assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(remote::devices)
                .withMessageContaining("result[0].kind: missing");
    }

    @Test
    void anotherProtocolVersionIsRefused() throws Exception {
        remote = new RemoteGateway(scripted("{\"fwgate\":2,\"id\":1,\"result\":[]}"));

        assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(remote::plugins)
                .withMessageContaining("speaks protocol 2");
    }
}
