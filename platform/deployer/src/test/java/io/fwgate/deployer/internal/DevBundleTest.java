package io.fwgate.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles from the developer's directory: unsigned is fine, the dev cap and the deny list still hold. */
class DevBundleTest {
    private static final String BUNDLE = "com.acme.fwgate.dev";

    @TempDir
    Path dir;
    private VerifierFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new VerifierFixture(dir);
    }

    private static TrustConfig devCap(Cap cap) {
        return new TrustConfig(List.of(), DenyList.EMPTY, Optional.empty(), cap);
    }

    @Test
    void anUnsignedDevBundleIsAcceptedAtTheTelemetryCap() throws Exception {
        Verifier.Verified verified = fixture.verify(fixture.unsigned(TestJars.plugin(BUNDLE)), true, TrustConfig.EMPTY);

        assertThat(verified.dev()).isTrue();
        assertThat(verified.cap()).isEqualTo(Cap.TELEMETRY);
        assertThat(verified.signerName()).isEqualTo("unsigned dev bundle");
        assertThat(verified.commands()).isEqualTo(1);
    }

    @Test
    void aDevBundleAboveTelemetryNeedsTheDevPolicyToAllowIt() throws Exception {
        Path writes = fixture.unsigned(TestJars.plugin(BUNDLE, "1.0.0",
                TestJars.table(TestJars.command("acme-set-knob", "0xc001", "configuration", "config-change-immediate"))));

        Refusal capped = fixture.refusal(writes, true, TrustConfig.EMPTY);
        Verifier.Verified allowed = fixture.verify(writes, true, devCap(VerifierFixture.CONFIGURATION));

        assertThat(capped.reason()).isEqualTo(Reason.LEVEL_ABOVE_CAP);
        assertThat(capped.detail()).contains("acme-set-knob");
        assertThat(allowed.cap()).isEqualTo(VerifierFixture.CONFIGURATION);
    }

    @Test
    void theSameUnsignedBundleOutsideTheDevDirectoryIsRefused() throws Exception {
        Path jar = fixture.unsigned(TestJars.plugin(BUNDLE));

        assertThat(fixture.refusal(jar, false, TrustConfig.EMPTY).reason()).isEqualTo(Reason.UNSIGNED);
    }

    @Test
    void theDenyListAndTheLimitsStillApplyToDevBundles() throws Exception {
        Path jar = fixture.unsigned(TestJars.plugin(BUNDLE));
        String sha = fixture.verify(jar, true, TrustConfig.EMPTY).sha256();
        TrustConfig revoked = new TrustConfig(List.of(), new DenyList(Set.of(), Set.of(sha)), Optional.empty(), Cap.TELEMETRY);

        assertThat(fixture.refusal(jar, true, revoked).reason()).isEqualTo(Reason.REVOKED_BUNDLE);
        assertThat(fixture.refusal(fixture.write("garbage.jar", new byte[] { 1, 2, 3 }), true, TrustConfig.EMPTY).reason())
                .isEqualTo(Reason.NOT_A_BUNDLE);
    }
}
