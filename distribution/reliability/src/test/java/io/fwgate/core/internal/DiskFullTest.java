package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.platform.AuditVerification;
import io.fwgate.platform.CallException;

/**
 * The audit log's file system runs full: a call that needs a record is refused with AUDIT_FAILED and
 * nothing is sent to the device (never executed unaudited); when space returns, service resumes and the
 * log verifies, with no torn record. The state directory is a 64 KiB tmpfs, so this needs root (mount);
 * elsewhere it is skipped with a message saying so.
 */
class DiskFullTest {
    @TempDir
    Path config;
    @TempDir
    Path work;

    private Path state;
    private Path filler;
    private boolean mounted;
    private final FaultyDevice devices = new FaultyDevice(0x4200, 0x0000, 0x0301, 0x0008)
            // Get Health Info answers its 18 bytes, Set Timestamp nothing, as a device does
            .with("mem0", r -> new DeviceResponse(0, new byte[r.opcode() == 0x4200 ? 18 : 0]));

    @BeforeEach
    void mountSmallFileSystem() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "skipped: mounting a small tmpfs as a full disk needs root");
        state = Files.createDirectories(work.resolve("state"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", state.toString()) == 0;
        assumeTrue(mounted, "skipped: this host does not let us mount a tmpfs (mount -t tmpfs failed)");
        filler = state.resolve("filler");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", state.toString());
        }
    }

    @Test
    void callsAreRefusedUnauditedNeverExecutedAndServiceResumesWithSpace() throws Exception {
        try (Rig rig = new Rig(config, state, Duration.ofSeconds(5)).transport(devices).cxlMemPlugin(7)) {
            fill();
            for (String command : List.of("get-health-info", "set-timestamp")) {
                Map<String, String> args = command.equals("set-timestamp") ? Map.of("timestamp", "1") : Map.of();
                assertThatThrownBy(() -> rig.call(Rig.ROOT, "mem0", command, args, true))
                        .isInstanceOfSatisfying(CallException.class,
                                e -> assertThat(e.kind()).isEqualTo(CallException.Kind.AUDIT_FAILED))
                        .hasMessageContaining("cannot write the audit log").hasMessageContaining("nothing was sent");
            }
            assertThat(devices.commandsSent("mem0")).isEmpty();

            Files.delete(filler);
            assertThat(rig.call(Rig.ROOT, "mem0", "get-health-info", Map.of(), false).ok()).isTrue();
            assertThat(rig.call(Rig.ROOT, "mem0", "set-timestamp", Map.of("timestamp", "1"), false).ok()).isTrue();
            assertThat(devices.commandsSent("mem0")).containsExactly(0x4200, 0x0301);
        }
        AuditVerification verification = new AuditLog(state, Clock.systemUTC()).trail().verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
        assertThat(verification.records()).isEqualTo(4);
    }

    /** Writes until the file system says it is full. */
    private void fill() throws IOException {
        try (FileChannel out = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate(4096);
            while (true) {
                block.clear();
                out.write(block);
            }
        } catch (IOException e) {
            assertThat(e.getMessage()).contains("No space left on device");
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
