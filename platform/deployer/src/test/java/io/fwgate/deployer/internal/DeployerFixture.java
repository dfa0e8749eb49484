package io.fwgate.deployer.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A deployer over temporary directories, a {@link FakeHost}, a {@link FakeAudit} and a clock the test
 * moves, trusting "Acme plugins" at the configuration level.
 */
final class DeployerFixture {
    static final long SETTLE = 100;

    /** A clock that moves only when told. */
    static final class TestClock extends Clock {
        private Instant now = TestPki.NOW;

        void advance(long millis) {
            now = now.plusMillis(millis);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    final Path deploy;
    final Path dev;
    final Path config;
    final Path work;
    final TestPki.Identity acme;
    final FakeHost host = new FakeHost();
    final FakeAudit audit = new FakeAudit();
    final TestClock clock = new TestClock();
    final Deployments deployments = new Deployments();
    final Deployer deployer;

    DeployerFixture(Path root, TestPki.Identity acme) throws IOException {
        this.acme = acme;
        deploy = Files.createDirectories(root.resolve("deploy"));
        dev = Files.createDirectories(root.resolve("dev"));
        config = Files.createDirectories(root.resolve("config"));
        work = Files.createDirectories(root.resolve("work"));
        DeploySettings settings = new DeploySettings(deploy, Optional.of(dev), config, root.resolve("state/staging"),
                Limits.DEFAULT, SETTLE);
        trustAcme();
        deployer = new Deployer(settings, host, audit, clock, deployments);
    }

    void trustAcme() throws IOException {
        String pem = TestPki.writePem(config, "acme.pem", acme.certificate());
        writeConfig("trust.json", "{\"signers\": [{\"name\": \"acme\", \"certificate\": \"" + pem
                + "\", \"max-level\": \"configuration\"}]}");
    }

    void writeConfig(String file, String json) throws IOException {
        Files.writeString(config.resolve(file), json, StandardCharsets.UTF_8);
    }

    /** Scans, lets the settle interval pass, and scans again: what one drop needs to be acted on. */
    void settle() {
        deployer.scan();
        clock.advance(SETTLE);
        deployer.scan();
    }

    /** @return a signed plugin jar built in the work directory (not yet dropped) */
    Path signedPlugin(String name, String table) throws IOException {
        Path unsigned = TestJars.zip(work.resolve(name + ".unsigned"),
                TestJars.plugin("com.acme." + name, "1.0.0", table));
        return TestJars.sign(unsigned, work.resolve(name + ".jar"), acme);
    }

    Path signedPlugin(String name) throws IOException {
        return signedPlugin(name, TestJars.table(TestJars.command("acme-read-counters", "0xc000", "telemetry")));
    }

    /** Copies a jar into the deploy directory under {@code name}. */
    Path drop(Path jar, String name) throws IOException {
        return Files.copy(jar, deploy.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    static String location(String file) {
        return Deployer.LOCATION_PREFIX + "deploy/" + file;
    }
}
