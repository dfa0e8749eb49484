package io.fwgate.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;

/**
 * Who may sign what: the trust store (signer or CA, validity, scope, window), the deny list, the vetted
 * set and the caps, judged at {@link TestPki#NOW}.
 */
class TrustDecisionTest {
    private static final String BUNDLE = "com.acme.fwgate.cxl";
    private static final Duration DAY = Duration.ofDays(1);
    private static TestPki.Identity vendorCa;
    private static TestPki.Identity issuedLeaf;
    private static TestPki.Identity acme;

    @TempDir
    Path dir;
    private VerifierFixture fixture;

    @BeforeAll
    static void keys() {
        vendorCa = TestPki.ca("Acme CA");
        issuedLeaf = TestPki.issued("Acme release 2026", vendorCa);
        acme = TestPki.signer("Acme plugins");
    }

    @BeforeEach
    void fixture() {
        fixture = new VerifierFixture(dir);
    }

    private Path signedBy(TestPki.Identity signer) throws Exception {
        return fixture.signed(TestJars.plugin(BUNDLE), signer);
    }

    private static TrustConfig trusting(TrustedSigner signer) {
        return VerifierFixture.trusting(signer);
    }

    private static TrustedSigner trustedCa() {
        return TestPki.trusted("acme-ca", vendorCa, VerifierFixture.CONFIGURATION);
    }

    @Test
    void aSignerIssuedByATrustedCaIsTrustedWhetherOrNotTheJarCarriesTheCa() throws Exception {
        Verifier.Verified leafOnly = fixture.verify(signedBy(issuedLeaf), trusting(trustedCa()));
        Verifier.Verified withCa = fixture.verify(signedBy(issuedLeaf.withChain(vendorCa)), trusting(trustedCa()));

        assertThat(leafOnly.signer()).get().extracting(s -> s.signer().name()).isEqualTo("acme-ca");
        assertThat(withCa.signer()).get().extracting(s -> s.certificate()).isEqualTo(issuedLeaf.certificate());
    }

    @Test
    void aSignerNotInTheTrustStoreIsUntrusted() throws Exception {
        Refusal refusal = fixture.refusal(signedBy(TestPki.signer("Mallory")), trusting(trustedCa()));

        assertThat(refusal.reason()).isEqualTo(Reason.UNTRUSTED_SIGNER);
        assertThat(refusal.detail()).contains("CN=Mallory");
    }

    @Test
    void aCertificateNamingTheTrustedCaButSignedByAnotherKeyIsUntrusted() throws Exception {
        TestPki.Identity impostorCa = TestPki.ca("Acme CA");
        Refusal refusal = fixture.refusal(signedBy(TestPki.issued("Acme release 2026", impostorCa)), trusting(trustedCa()));

        assertThat(refusal.reason()).isEqualTo(Reason.UNTRUSTED_SIGNER);
    }

    @Test
    void anExpiredOrNotYetValidSignerCertificateIsRefused() throws Exception {
        TestPki.Identity expired = TestPki.create("Old", null, TestPki.NOW.minus(DAY.multipliedBy(400)),
                TestPki.NOW.minus(DAY), false);
        TestPki.Identity future = TestPki.create("Future", null, TestPki.NOW.plus(DAY), TestPki.NOW.plus(DAY.multipliedBy(400)),
                false);

        Refusal old = fixture.refusal(signedBy(expired), trusting(TestPki.trusted("old", expired, Cap.TELEMETRY)));
        Refusal early = fixture.refusal(signedBy(future), trusting(TestPki.trusted("future", future, Cap.TELEMETRY)));

        assertThat(old.reason()).isEqualTo(Reason.CERTIFICATE_EXPIRED);
        assertThat(old.detail()).contains("CN=Old");
        assertThat(early.reason()).isEqualTo(Reason.CERTIFICATE_NOT_YET_VALID);
    }

    @Test
    void anExpiredCaRefusesTheSignersItIssued() throws Exception {
        TestPki.Identity oldCa = TestPki.create("Old CA", null, TestPki.NOW.minus(DAY.multipliedBy(800)),
                TestPki.NOW.minus(DAY), true);
        TestPki.Identity leaf = TestPki.issued("Leaf of old CA", oldCa);

        Refusal refusal = fixture.refusal(signedBy(leaf), trusting(TestPki.trusted("old-ca", oldCa, Cap.TELEMETRY)));

        assertThat(refusal.reason()).isEqualTo(Reason.CERTIFICATE_EXPIRED);
        assertThat(refusal.detail()).contains("CN=Old CA");
    }

    @Test
    void aRevokedSignerOrCaCertificateIsRefused() throws Exception {
        TrustConfig leafRevoked = new TrustConfig(List.of(trustedCa()),
                new DenyList(Set.of(TestPki.fingerprint(issuedLeaf.certificate())), Set.of()), Optional.empty(), Cap.TELEMETRY);
        TrustConfig caRevoked = new TrustConfig(List.of(trustedCa()),
                new DenyList(Set.of(TestPki.fingerprint(vendorCa.certificate())), Set.of()), Optional.empty(), Cap.TELEMETRY);

        assertThat(fixture.refusal(signedBy(issuedLeaf), leafRevoked).reason()).isEqualTo(Reason.REVOKED_CERTIFICATE);
        assertThat(fixture.refusal(signedBy(issuedLeaf), caRevoked).reason()).isEqualTo(Reason.REVOKED_CERTIFICATE);
    }

    @Test
    void aRevokedBundleHashIsRefusedWhoeverSignedIt() throws Exception {
        Path jar = signedBy(acme);
        String sha = fixture.verify(jar, trusting(TestPki.trusted("acme", acme, Cap.TELEMETRY))).sha256();
        TrustConfig revoked = new TrustConfig(List.of(TestPki.trusted("acme", acme, Cap.TELEMETRY)),
                new DenyList(Set.of(), Set.of(sha)), Optional.empty(), Cap.TELEMETRY);

        Refusal refusal = fixture.refusal(jar, revoked);

        assertThat(refusal.reason()).isEqualTo(Reason.REVOKED_BUNDLE);
        assertThat(refusal.detail()).contains(sha);
    }

    @Test
    void aSignerScopedToOtherBundlesIsRefusedAndAPrefixScopeMatches() throws Exception {
        Path jar = signedBy(acme);

        Refusal refusal = fixture.refusal(jar, trusting(TestPki.trusted("acme", acme, Cap.TELEMETRY, "com.acme.nvme")));
        Verifier.Verified verified = fixture.verify(jar,
                trusting(TestPki.trusted("acme", acme, Cap.TELEMETRY, "com.acme.nvme", "com.acme.fwgate.*")));

        assertThat(refusal.reason()).isEqualTo(Reason.OUTSIDE_SIGNER_SCOPE);
        assertThat(refusal.detail()).contains("com.acme.nvme").contains(BUNDLE);
        assertThat(verified.headers().symbolicName()).isEqualTo(BUNDLE);
    }

    @Test
    void theTrustStoresOwnWindowIsEnforced() throws Exception {
        Path jar = signedBy(acme);
        TrustedSigner ended = window(Optional.empty(), Optional.of(TestPki.NOW.minus(DAY)));
        TrustedSigner notYet = window(Optional.of(TestPki.NOW.plus(DAY)), Optional.empty());

        assertThat(fixture.refusal(jar, trusting(ended)).reason()).isEqualTo(Reason.TRUST_EXPIRED);
        assertThat(fixture.refusal(jar, trusting(notYet)).reason()).isEqualTo(Reason.TRUST_NOT_YET_VALID);
    }

    private static TrustedSigner window(Optional<Instant> notBefore, Optional<Instant> notAfter) {
        return new TrustedSigner("acme", acme.certificate(), TestPki.fingerprint(acme.certificate()), Cap.TELEMETRY,
                List.of(), notBefore, notAfter);
    }

    @Test
    void aCommandAboveTheSignersLevelOrReachCapIsRefused() throws Exception {
        Path configuration = fixture.signed(TestJars.plugin(BUNDLE, "1.0.0",
                TestJars.table(TestJars.command("acme-set-knob", "0xc001", "configuration", "config-change-immediate"))), acme);
        Path fabric = fixture.signed(TestJars.plugin(BUNDLE, "1.0.0",
                TestJars.table(TestJars.command("acme-unbind", "0xc002", "configuration", "affects-other-hosts"))), acme);
        TrustConfig telemetryOnly = trusting(TestPki.trusted("acme", acme, Cap.TELEMETRY));
        TrustConfig configurationOnDevice = trusting(TestPki.trusted("acme", acme, VerifierFixture.CONFIGURATION));

        Refusal level = fixture.refusal(configuration, telemetryOnly);
        Refusal reach = fixture.refusal(fabric, configurationOnDevice);

        assertThat(level.reason()).isEqualTo(Reason.LEVEL_ABOVE_CAP);
        assertThat(level.detail()).contains("acme-set-knob").contains("configuration/device").contains("telemetry/device");
        assertThat(reach.reason()).isEqualTo(Reason.LEVEL_ABOVE_CAP);
        assertThat(reach.detail()).contains("acme-unbind").contains("configuration/fabric");
        assertThat(fixture.verify(fabric, trusting(TestPki.trusted("acme", acme,
                new Cap(Level.CONFIGURATION, Reach.FABRIC)))).commands()).isEqualTo(1);
    }

    @Test
    void withAVettedSetOnlyItsExactBundlesRun() throws Exception {
        Path jar = signedBy(acme);
        TrustedSigner trusted = TestPki.trusted("acme", acme, Cap.TELEMETRY);
        String sha = fixture.verify(jar, trusting(trusted)).sha256();
        TrustConfig vetted = vetted(trusted, new VettedSet.Vetted(BUNDLE, "1.0.0", sha));
        TrustConfig otherHash = vetted(trusted, new VettedSet.Vetted(BUNDLE, "1.0.0", "0".repeat(64)));
        TrustConfig otherVersion = vetted(trusted, new VettedSet.Vetted(BUNDLE, "1.0.1", sha));

        assertThat(fixture.verify(jar, vetted).sha256()).isEqualTo(sha);
        assertThat(fixture.refusal(jar, otherHash).reason()).isEqualTo(Reason.NOT_VETTED);
        assertThat(fixture.refusal(jar, otherVersion).reason()).isEqualTo(Reason.NOT_VETTED);
    }

    private static TrustConfig vetted(TrustedSigner trusted, VettedSet.Vetted bundle) {
        return new TrustConfig(List.of(trusted), DenyList.EMPTY, Optional.of(new VettedSet(Set.of(bundle))), Cap.TELEMETRY);
    }

    @Test
    void theFirstTrustEntryThatAllowsTheBundleDecides() throws Exception {
        TrustConfig twoEntries = new TrustConfig(List.of(TestPki.trusted("acme-nvme", acme, Cap.TELEMETRY, "com.acme.nvme"),
                TestPki.trusted("acme-cxl", acme, VerifierFixture.CONFIGURATION, BUNDLE)), DenyList.EMPTY, Optional.empty(),
                Cap.TELEMETRY);

        Verifier.Verified verified = fixture.verify(signedBy(acme), twoEntries);

        assertThat(verified.signer()).get().extracting(s -> s.signer().name()).isEqualTo("acme-cxl");
        assertThat(verified.cap()).isEqualTo(VerifierFixture.CONFIGURATION);
    }
}
