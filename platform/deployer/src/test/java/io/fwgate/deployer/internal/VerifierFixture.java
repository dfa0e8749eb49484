package io.fwgate.deployer.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;

/** Stages and verifies test jars in a temporary directory, at {@link TestPki#NOW}. */
final class VerifierFixture {
    static final Cap CONFIGURATION = new Cap(Level.CONFIGURATION, Reach.DEVICE);

    private final Path dir;
    private final Limits limits;
    /** Shared by all fixtures, so two fixtures on one directory never pick the same name. */
    private static final AtomicInteger FILES = new AtomicInteger();

    VerifierFixture(Path dir, Limits limits) {
        this.dir = dir;
        this.limits = limits;
    }

    VerifierFixture(Path dir) {
        this(dir, Limits.DEFAULT);
    }

    static TrustConfig trusting(TrustedSigner... signers) {
        return new TrustConfig(List.of(signers), DenyList.EMPTY, Optional.empty(), Cap.TELEMETRY);
    }

    /** @return a fresh path in the temporary directory */
    Path file(String name) {
        return dir.resolve(FILES.incrementAndGet() + "-" + name);
    }

    Path unsigned(Map<String, byte[]> entries) throws IOException {
        return TestJars.zip(file("unsigned.jar"), entries);
    }

    Path signed(Map<String, byte[]> entries, TestPki.Identity signer) throws IOException {
        return TestJars.sign(unsigned(entries), file("signed.jar"), signer);
    }

    Verifier.Verified verify(Path jar, TrustConfig config) throws Refusal {
        return verify(jar, false, config);
    }

    Verifier.Verified verify(Path jar, boolean dev, TrustConfig config) throws Refusal {
        Staging staging = new Staging(dir.resolve("staging"), limits.maxFileBytes());
        Staging.Staged staged = staging.stage(jar);
        return new Verifier(limits, Clock.fixed(TestPki.NOW, ZoneOffset.UTC)).verify(staged, dev, config);
    }

    /** @return the refusal verifying {@code jar} must end in */
    Refusal refusal(Path jar, TrustConfig config) {
        return refusal(jar, false, config);
    }

    Refusal refusal(Path jar, boolean dev, TrustConfig config) {
        assertThatThrownBy(() -> verify(jar, dev, config)).isInstanceOf(Refusal.class);
        return catchThrowableOfType(Refusal.class, () -> verify(jar, dev, config));
    }

    /** @return the bytes written, for tests that build files by hand */
    Path write(String name, byte[] bytes) throws IOException {
        return Files.write(file(name), bytes);
    }
}
