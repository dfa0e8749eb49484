package io.fwgate.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fwgate.daemon.DaemonSettings;

/** {@code fwgate daemon}: options over framework properties over built-in defaults. */
class DaemonCommandTest {
    private final FakeGateway gateway = new FakeGateway();
    private final List<DaemonSettings> started = new ArrayList<>();

    private Run daemon(Map<String, String> properties, String... args) {
        Environment environment = new Environment(properties::get, false, new FakePacer(), (g, settings, out, err) -> {
            assertThat(g).isSameAs(gateway);
            started.add(settings);
            return 0;
        });
        return Run.of(gateway, () -> Run.ROOT, environment, args);
    }

    @Test
    void defaultsAreTheDocumentedOnesWithTheSocketInTheStateDirectory() {
        Run run = daemon(Map.of(), "--state", "/tmp/fwgate-state", "daemon");

        assertThat(run.exit()).as(run.err()).isZero();
        DaemonSettings settings = started.get(0);
        assertThat(settings.socket()).isEqualTo(Path.of("/tmp/fwgate-state/fwgate.sock"));
        assertThat(settings.socketGroup()).isEqualTo("fwgate");
        assertThat(settings.socketMode()).isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
        assertThat(settings.maxRequestBytes()).isEqualTo(65536);
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxConnections()).isEqualTo(64);
    }

    @Test
    void frameworkPropertiesGiveDefaultsAndOptionsWin() {
        Map<String, String> properties = Map.of("fwgate.daemon.max-connections", "8",
                "fwgate.daemon.max-request-bytes", "1024", "fwgate.daemon.socket-mode", "0600");

        Run run = daemon(properties, "--socket", "/run/fwgate/s.sock", "daemon", "--max-connections", "3",
                "--read-timeout-ms", "500", "--socket-group", "wheel");

        assertThat(run.exit()).as(run.err()).isZero();
        DaemonSettings settings = started.get(0);
        assertThat(settings.socket()).isEqualTo(Path.of("/run/fwgate/s.sock"));
        assertThat(settings.maxConnections()).isEqualTo(3);
        assertThat(settings.maxRequestBytes()).isEqualTo(1024);
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.socketGroup()).isEqualTo("wheel");
        assertThat(settings.socketMode()).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void outOfRangeOrMalformedValuesAreUsageErrorsNamingThem() {
        Run zero = daemon(Map.of(), "daemon", "--max-connections", "0");
        Run mode = daemon(Map.of(), "daemon", "--socket-mode", "rw-rw----");
        Run property = daemon(Map.of("fwgate.daemon.read-timeout-ms", "soon"), "daemon");

        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("max-connections must be at least 1, not 0");
        assertThat(mode.exit()).isEqualTo(2);
        assertThat(mode.err()).contains("socket mode 'rw-rw----' is not an octal mode");
        assertThat(property.exit()).isEqualTo(2);
        assertThat(property.err()).contains("property fwgate.daemon.read-timeout-ms is not a whole number: soon");
        assertThat(started).isEmpty();
    }

    @Test
    void theDaemonsExitCodeIsTheProcesses() {
        Environment failing = new Environment(name -> null, false, new FakePacer(), (g, settings, out, err) -> {
            err.println("fwgate: cannot start the daemon: another fwgate daemon answers on x");
            return 1;
        });

        Run run = Run.of(gateway, () -> Run.ROOT, failing, "daemon");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("fwgate: cannot start the daemon: another fwgate daemon answers on x\n");
    }
}
