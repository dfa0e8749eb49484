package io.fwgate.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Installs the built package on this machine with dpkg, checks the unit with {@code systemd-analyze verify},
 * starts the daemon exactly as the unit's ExecStart does, works with it as a member of the fwgate group and
 * as a stranger, stops it, purges the package and checks that only the audit log is left. It changes the
 * machine, so it runs only when asked ({@code -Dfwgate.install-test=true}), as root, with dpkg, and never
 * over an fwgate package that was installed before it.
 */
class PackageInstallIT {
    private static final Duration COMMAND = Duration.ofSeconds(60);
    private static final Duration START = Duration.ofSeconds(60);
    private static final Path UNIT = Path.of("/lib/systemd/system/fwgate.service");
    private static final Path STATE = Path.of("/var/lib/fwgate");
    /** A user and group that exist nowhere but in this test: setpriv takes numbers. */
    private static final String TEST_ID = "4247";
    private static final List<String> CONFFILES = List.of("policy.json", "role", "trust.json", "revoked.json",
            "vetted.json", "telemetry.json");

    private static Process daemon;
    private static boolean installedByUs;

    @BeforeEach
    void onlyWhenAskedAndAble() throws Exception {
        require(Boolean.getBoolean("fwgate.install-test"), "not installing the package on this machine: run with"
                + " -Dfwgate.install-test=true (as root, with dpkg) to install, check and purge it");
        require(Host.root(), "cannot run the install test: it needs root (dpkg -i, starting the daemon)");
        require(Host.has("dpkg") && Host.has("setpriv"), "cannot run the install test: dpkg or setpriv is missing");
        require(Host.has("systemd-analyze"), "cannot run the install test: systemd-analyze is missing"
                + " (apt-get install -y systemd)");
        require(Host.run(COMMAND, "dpkg-query", "-W", "-f=${Status}", "fwgate").out().contains("not-installed")
                || Host.run(COMMAND, "dpkg-query", "-W", "fwgate").exit() != 0,
                "cannot run the install test: an fwgate package is already installed here and it will not replace it");
        require(Files.notExists(STATE), "cannot run the install test: " + STATE + " exists (an earlier fwgate's"
                + " kept audit log?) and the test will not touch it");
    }

    /** Skips the test, saying why on standard output too: a skip must never pass for a run. */
    private static void require(boolean condition, String why) {
        if (!condition) {
            System.out.println("PackageInstallIT skipped: " + why);
        }
        assumeTrue(condition, why);
    }

    @AfterAll
    static void leaveTheMachineAsItWas() throws Exception {
        if (daemon != null && daemon.isAlive()) {
            daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (installedByUs) {
            Host.run(COMMAND, "dpkg", "--purge", "fwgate");
            // what the purge keeps was written by this test's daemon: the next run starts clean
            try (Stream<Path> left = Files.exists(STATE) ? Files.walk(STATE) : Stream.empty()) {
                left.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void installsRunsAsTheUnitSaysAndPurgesAllButTheAuditLog() throws Exception {
        install();
        verifyUnit();
        Optional<Integer> metricsPort = enableMetricsIfShipped();
        dropUnsignedPlugin();
        startAsExecStartSays();
        workAsGroupMemberAndStranger();
        metricsPort.ifPresent(PackageInstallIT::scrape);
        stop();
        purge();
    }

    private static void install() throws Exception {
        Host.Result result = Host.run(COMMAND, "dpkg", "-i", System.getProperty("fwgate.deb"));
        installedByUs = true;
        assertThat(result.exit()).as("dpkg -i\n%s", result).isZero();
        assertThat(Host.run(COMMAND, "getent", "group", "fwgate").exit()).as("the fwgate group exists").isZero();
        assertThat(Path.of("/usr/bin/fwgate")).isExecutable();
        assertThat(Path.of("/usr/share/fwgate/fwgate-launcher.jar")).isRegularFile();
        assertThat(Path.of("/usr/share/fwgate/plugins")).isDirectory();
        assertThat(STATE.resolve("deploy")).isDirectory();
        String conffiles = Host.run(COMMAND, "dpkg-query", "-W", "-f=${Conffiles}", "fwgate").out();
        for (String name : CONFFILES) {
            Path file = Path.of("/etc/fwgate", name);
            assertThat(conffiles).as("conffiles").contains(file.toString());
            assertThat(Files.readString(file)).as("%s explains itself", file).startsWith("#");
        }
    }

    private static void verifyUnit() throws Exception {
        Host.Result result = Host.run(COMMAND, "systemd-analyze", "verify", UNIT.toString());
        assertThat(result.exit()).as("systemd-analyze verify\n%s", result).isZero();
        assertThat(result.out() + result.err()).as("systemd-analyze verify has nothing to say about the unit")
                .doesNotContain("fwgate.service");
        String unit = Files.readString(UNIT);
        for (String hardening : List.of("ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "NoNewPrivileges=yes",
                "CapabilityBoundingSet=", "DeviceAllow=char-cxl", "DeviceAllow=char-nvme", "DeviceAllow=char-fwctl",
                "ReadWritePaths=/var/lib/fwgate", "RuntimeDirectory=fwgate")) {
            assertThat(unit).contains(hardening);
        }
    }

    /** Enables the Prometheus endpoint when the runtime ships the telemetry bundle. */
    private static Optional<Integer> enableMetricsIfShipped() throws IOException {
        try (Stream<Path> bundles = Files.list(Path.of("/usr/share/fwgate/bundles"))) {
            if (bundles.noneMatch(b -> b.getFileName().toString().startsWith("fwgate-telemetry-"))) {
                return Optional.empty();
            }
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.writeString(Path.of("/etc/fwgate/telemetry.json"),
                "# enabled by the install test\n{ \"prometheus\": { \"enabled\": true, \"port\": " + port + " } }\n");
        return Optional.of(port);
    }

    /** A locally dropped bundle that is not signed: the deployer refuses it and audits the refusal. */
    private static void dropUnsignedPlugin() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "test.unsigned");
        manifest.getMainAttributes().putValue("Bundle-Version", "1.0.0");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(STATE.resolve("deploy/unsigned.jar")),
                manifest)) {
            jar.flush();
        }
    }

    /** As systemd would: the runtime directory first, then the ExecStart command line, word for word. */
    private static void startAsExecStartSays() throws Exception {
        List<String> unit = Files.readAllLines(UNIT);
        String execStart = value(unit, "ExecStart");
        assertThat(execStart).as("ExecStart needs no shell quoting").doesNotContain("\"", "'", "$");
        Path runtime = Path.of("/run", value(unit, "RuntimeDirectory"));
        Files.createDirectories(runtime);
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwxr-xr-x"));
        daemon = new ProcessBuilder(execStart.split("\\s+")).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(daemon.getInputStream(),
                    StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                // the daemon was stopped and its output closed: nothing more to read
            }
        }, "daemon-output");
        reader.setDaemon(true);
        reader.start();
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + START.toNanos();
        for (String line = ""; !line.startsWith("fwgate daemon ready: ");) {
            line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(line).as("the daemon said it is ready within %s; it said:\n%s", START, seen).isNotNull();
            seen.append(line).append('\n');
        }
        assertThat(seen.toString()).contains("fwgate daemon ready: /run/fwgate/fwgate.sock");
    }

    private static void workAsGroupMemberAndStranger() throws Exception {
        String group = Host.run(COMMAND, "getent", "group", "fwgate").out().split(":")[2];
        Host.Result status = asUser(group, "status", "--json");
        assertThat(status.exit()).as("status as a member of fwgate\n%s", status).isZero();
        JsonNode seen = new ObjectMapper().readTree(status.out());
        assertThat(seen.path("caller").path("uid").asText()).isEqualTo(TEST_ID);
        assertThat(seen.path("granted-level").asText()).as("the policy in /etc/fwgate grants group fwgate").isEqualTo(
                "configuration");
        assertThat(seen.path("role").asText()).isEqualTo("host");
        Host.Result verify = asUser(group, "audit", "--verify");
        assertThat(verify.exit()).as("audit --verify through the daemon needs configuration\n%s", verify).isZero();
        awaitRefusalOfDroppedPlugin(group);
        Host.Result stranger = asUser("", "status");
        assertThat(stranger.err()).as("someone outside the group cannot connect").contains("Permission denied");
    }

    /** The deployer reads the deploy directory as it starts; each look is one client round trip. */
    private static void awaitRefusalOfDroppedPlugin(String group) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        Host.Result plugins;
        do {
            plugins = asUser(group, "plugins", "--json");
        } while (!plugins.out().contains("unsigned.jar") && System.nanoTime() < deadline);
        assertThat(plugins.out()).as("the dropped unsigned bundle is refused\n%s", plugins).contains("unsigned.jar")
                .contains("REFUSED").contains("unsigned");
    }

    private static void scrape(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).contains("# TYPE fwgate_plugin_state gauge").contains("fwgate_tainted 0.0");
        } catch (IOException e) {
            throw new AssertionError("the packaged daemon's metrics endpoint on port " + port + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while scraping", e);
        }
    }

    private static void stop() throws Exception {
        daemon.destroy(); // SIGTERM, as systemctl stop sends
        assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).as("the daemon stops on SIGTERM").isTrue();
        assertThat(daemon.exitValue()).isZero();
    }

    private static void purge() throws Exception {
        assertThat(STATE.resolve("audit.jsonl")).as("the deployer audited its refusal").isNotEmptyFile();
        Host.Result result = Host.run(COMMAND, "dpkg", "--purge", "fwgate");
        assertThat(result.exit()).as("dpkg --purge\n%s", result).isZero();
        try (Stream<Path> left = Files.list(STATE)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("what a purge leaves in " + STATE)
                    .containsExactlyInAnyOrder("audit.jsonl", "audit.head");
        }
        for (String gone : List.of("/etc/fwgate", "/run/fwgate", "/usr/share/fwgate", "/usr/bin/fwgate", UNIT.toString(),
                "/etc/systemd/system/multi-user.target.wants/fwgate.service")) {
            assertThat(Path.of(gone)).as("removed by the purge").doesNotExist();
        }
        assertThat(Host.run(COMMAND, "dpkg-query", "-W", "fwgate").exit()).as("dpkg forgot the package").isNotZero();
    }

    private static Host.Result asUser(String supplementaryGroup, String... fwgate) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("setpriv", "--reuid", TEST_ID, "--regid", TEST_ID));
        command.addAll(supplementaryGroup.isEmpty() ? List.of("--clear-groups") : List.of("--groups", supplementaryGroup));
        command.add("/usr/bin/fwgate");
        command.addAll(Arrays.asList(fwgate));
        return Host.run(COMMAND, command.toArray(String[]::new));
    }

    private static String value(List<String> unit, String key) {
        return unit.stream().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1).trim())
                .findFirst().orElseThrow(() -> new AssertionError(UNIT + " has no " + key));
    }
}
