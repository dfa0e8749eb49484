package io.fwgate.kit;

import static io.fwgate.kit.Tables.acmeCxl;
import static io.fwgate.kit.Tables.bytes;
import static io.fwgate.kit.Tables.command;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.kit.Finding.Severity;

/** Lint of plugin jars: the headers the platform reads, and each resource they list. */
class BundleLintTest {
    private static final byte[] CLEAN = bytes(acmeCxl(command("acme-read-counters", "0xC000", "[]", "telemetry")));
    private static final byte[] PROFILE = bytes("""
            { "format": 1, "devices": [ { "address": "acme-mem0", "base": "cxl-memory-device",
              "identity": { "pci-vendor-id": "0xACEC", "pci-device-id": "1", "serial": "A-1", "description": "d" },
              "opcodes": [ { "opcode": "0xC000", "name": "acme-read-counters", "effects": [] } ] } ] }
            """);

    @TempDir
    Path dir;

    @Test
    void aSoundPluginHasNoFindings() throws IOException {
        Path jar = Jars.plugin().header("Fwgate-Emulator-Profiles", Jars.PROFILE).entry(Jars.TABLE, CLEAN)
                .entry(Jars.PROFILE, PROFILE).write(dir.resolve("acme.jar"));

        assertThat(Linter.lintBundle(jar)).isEmpty();
    }

    @Test
    void findingsInATableAreLocatedInTheJarsResource() throws IOException {
        byte[] wrong = bytes(acmeCxl(command("acme-wipe", "0xC002", "[\"data-change-immediate\"]", "telemetry")));
        Path jar = Jars.plugin().entry(Jars.TABLE, wrong).write(dir.resolve("acme.jar"));

        Finding finding = only(Linter.lintBundle(jar));

        assertThat(finding.code()).isEqualTo("level-contradicts-effects");
        assertThat(finding.location().resource()).isEqualTo("acme.jar!/" + Jars.TABLE);
        assertThat(finding.location().pointer()).isEqualTo("/commands/0/level");
    }

    @Test
    void aFileThatIsNoJarIsNotABundle() throws IOException {
        Path file = Files.write(dir.resolve("acme.jar"), bytes("not a zip"));

        Finding finding = only(Linter.lintBundle(file));

        assertThat(finding.code()).isEqualTo("not-a-bundle");
        assertThat(finding.location().resource()).isEqualTo("acme.jar");
    }

    @Test
    void aJarWithoutManifestOrBundleHeadersIsNotABundle() throws IOException {
        Path bare = new Jars().entry(Jars.TABLE, CLEAN).write(dir.resolve("bare.jar"));
        Path unnamed = Jars.plugin().header("Bundle-SymbolicName", null).entry(Jars.TABLE, CLEAN)
                .write(dir.resolve("unnamed.jar"));

        assertThat(only(Linter.lintBundle(bare)).message()).contains("MANIFEST.MF");
        Finding finding = only(Linter.lintBundle(unnamed));
        assertThat(finding.code()).isEqualTo("not-a-bundle");
        assertThat(finding.message()).contains("Bundle-SymbolicName");
    }

    @Test
    void aBundleWithoutTablesIsAnError() throws IOException {
        Path jar = Jars.plugin().header("Fwgate-Command-Tables", null).write(dir.resolve("acme.jar"));

        assertThat(only(Linter.lintBundle(jar)).code()).isEqualTo("no-command-tables");
    }

    @Test
    void aListedResourceTheJarLacksIsAnError() throws IOException {
        Path jar = Jars.plugin().header("Fwgate-Command-Tables", Jars.TABLE + ", OSGI-INF/fwgate/more.json")
                .entry(Jars.TABLE, CLEAN).write(dir.resolve("acme.jar"));

        Finding finding = only(Linter.lintBundle(jar));

        assertThat(finding.code()).isEqualTo("missing-resource");
        assertThat(finding.message()).contains("OSGI-INF/fwgate/more.json");
    }

    @Test
    void aBundleThatDoesNotRequireTheExtenderIsAWarning() throws IOException {
        Path jar = Jars.plugin().header("Require-Capability", null).entry(Jars.TABLE, CLEAN).write(dir.resolve("a.jar"));

        Finding finding = only(Linter.lintBundle(jar));

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.code()).isEqualTo("no-extender-requirement");
    }

    @Test
    void aProfileTheEmulatorWouldIgnoreIsAnError() throws IOException {
        String badText = new String(PROFILE, StandardCharsets.UTF_8).replace("0xC000", "0x4000");
        byte[] badProfile = bytes(badText);
        Path jar = Jars.plugin().header("Fwgate-Emulator-Profiles", Jars.PROFILE).entry(Jars.TABLE, CLEAN)
                .entry(Jars.PROFILE, badProfile).write(dir.resolve("acme.jar"));

        Finding finding = only(Linter.lintBundle(jar));

        assertThat(finding.code()).isEqualTo("bad-emulation-profile");
        assertThat(finding.location().resource()).isEqualTo("acme.jar!/" + Jars.PROFILE);
        assertThat(finding.location().pointer()).isEqualTo("/devices/0/opcodes/0/opcode");
        assertThat(finding.location().line()).isEqualTo(Tables.lineOf(badText, "\"opcode\": \"0x4000\""));
    }

    @Test
    void lintFileChecksAProfileAsTheEmulatorDoes() throws IOException {
        Path good = Files.write(dir.resolve("acme-emulation.json"), PROFILE);
        Path bad = Files.write(dir.resolve("bad-emulation.json"), bytes("{ \"format\": 1, \"devices\": [] }"));

        assertThat(Linter.lintFile(good)).isEmpty();
        Finding finding = only(Linter.lintFile(bad));
        assertThat(finding.code()).isEqualTo("bad-emulation-profile");
        assertThat(finding.location().pointer()).isEqualTo("/devices");
        assertThat(finding.message()).contains("at least one device");
    }

    @Test
    void lintFileTellsBundlesFromTablesByContent() throws IOException {
        Path jar = Jars.plugin().entry(Jars.TABLE, CLEAN).write(dir.resolve("plugin.bin"));
        Path table = Files.write(dir.resolve("acme.json"),
                bytes(acmeCxl(command("acme-wipe", "0xC002", "[]", "debug-write-full"))));

        assertThat(Linter.lintFile(jar)).isEmpty();
        Finding finding = only(Linter.lintFile(table));
        assertThat(finding.code()).isEqualTo("no-effects-declared");
        assertThat(finding.location().resource()).isEqualTo(table.toString());
    }

    @Test
    void aFileThatCannotBeReadIsOneError() {
        Finding finding = only(Linter.lintFile(dir.resolve("missing.json")));

        assertThat(finding.code()).isEqualTo("unreadable");
        assertThat(finding.isError()).isTrue();
    }

    private static Finding only(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }
}
