package io.fwgate.kit;

import static io.fwgate.kit.Tables.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.api.DecodeException;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.api.ResponseDecoder;
import io.fwgate.tables.InvalidArgumentException;

/**
 * The harness against the demo plugin of the test resources: its emulation profile answers its vendor
 * commands as that profile declares them (the demo's "spec").
 */
class PluginHarnessTest {
    private static final String TABLE = "OSGI-INF/fwgate/demo.json";
    private static final String NVME_TABLE = "OSGI-INF/fwgate/demo-nvme.json";
    private static final String PROFILE = "OSGI-INF/fwgate/demo-emulation.json";

    /** Records of {u8 type, u8 length, value}; type 1 is an s16 temperature, 2 a u8 wear; type 0 ends. */
    private static final ResponseDecoder TLV = payload -> {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int type = payload.get() & 0xff; type != 0; type = payload.get() & 0xff) {
            int length = payload.get() & 0xff;
            values.put(type == 1 ? "temperature-celsius" : "wear-percent",
                    (long) (length == 2 ? payload.getShort() : payload.get()));
        }
        return values;
    };

    @TempDir
    Path dir;

    private static PluginHarness demo() {
        return PluginHarness.builder().table(TABLE).table(NVME_TABLE).profile(PROFILE).decoder("demo-tlv", TLV).build();
    }

    @Test
    void aTelemetryCommandDecodesTheDevicesAnswer() throws Exception {
        CallOutcome outcome = demo().call("emu:demo-mem0", "demo-get-temperature");

        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.statusName()).isEqualTo("success");
        assertThat(outcome.opcode()).isEqualTo(0xC000);
        assertThat(outcome.values()).containsExactly(Map.entry("temperature-celsius", 41L), Map.entry("fan-mode", "auto"));
    }

    @Test
    void aConfigurationCommandChangesWhatTheDeviceReportsLater() throws Exception {
        PluginHarness demo = demo();

        CallOutcome set = demo.call("emu:demo-mem0", "demo-set-fan-mode", Map.of("mode", "quiet"));

        assertThat(set.ok()).isTrue();
        assertThat(set.values()).isEmpty();
        assertThat(demo.call("emu:demo-mem0", "demo-get-temperature").value("fan-mode")).isEqualTo("quiet");
    }

    @Test
    void aRefusalIsAnOutcomeWithTheSpecsStatusName() throws Exception {
        PluginHarness demo = demo();

        // the profile allows modes 0 to 2; the table also lets a caller send 3
        CallOutcome refused = demo.call("emu:demo-mem0", "demo-set-fan-mode", Map.of("mode", "turbo"));

        assertThat(refused.ok()).isFalse();
        assertThat(refused.status()).isEqualTo(0x02);
        assertThat(refused.statusName()).isEqualTo("invalid-input");
        assertThat(refused.values()).isEmpty();
        assertThat(demo.call("emu:demo-mem0", "demo-get-temperature").value("fan-mode")).isEqualTo("auto");
    }

    @Test
    void argumentsThatDoNotFitTheRequestAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> demo().call("emu:demo-mem0", "demo-set-fan-mode", Map.of("mode", "loud")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("mode");
    }

    @Test
    void nvmeCommandsTakeParametersAndAnswerInTheCompletionDword() throws Exception {
        CallOutcome outcome = demo().call("emu:demo-nvme0", "demo-nvme-set-debug", Map.of("level", "2"));

        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.values()).containsExactly(Map.entry("debug-level", 2L));
    }

    @Test
    void aTableNamingAJavaDecoderUsesTheOneGiven() throws Exception {
        CallOutcome outcome = demo().call("emu:demo-mem0", "demo-dump");

        assertThat(outcome.values()).containsExactly(Map.entry("temperature-celsius", 41L), Map.entry("wear-percent", 3L));
        PluginHarness without = PluginHarness.builder().table(TABLE).profile(PROFILE).build();
        assertThatThrownBy(() -> without.call("emu:demo-mem0", "demo-dump"))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("decoder(\"demo-tlv\"");
    }

    @Test
    void levelsAndReachComeFromTheDeclaration() {
        PluginHarness demo = demo();
        byte[] fabric = bytes(Tables.acmeCxl(Tables.command("acme-bind", "0xC010",
                "[\"config-change-immediate\", \"affects-other-hosts\"]", "telemetry")));
        PluginHarness binding = PluginHarness.builder().table("bind.json", fabric).build();

        assertThat(demo.levelOf("demo-get-temperature")).isEqualTo(Level.TELEMETRY);
        assertThat(demo.levelOf("demo-set-fan-mode")).isEqualTo(Level.CONFIGURATION);
        assertThat(demo.levelOf("demo-nvme-set-debug")).isEqualTo(Level.DEBUG_WRITE);
        assertThat(demo.reachOf("demo-set-fan-mode")).isEqualTo(Reach.DEVICE);
        // declared telemetry, but its effects need configuration: the platform takes the stricter
        assertThat(binding.levelOf("acme-bind")).isEqualTo(Level.CONFIGURATION);
        assertThat(binding.reachOf("acme-bind")).isEqualTo(Reach.FABRIC);
    }

    @Test
    void aCommandIsOnlyOfferedOnDevicesItsTableMatches() {
        PluginHarness demo = demo();

        // emu:mem0 is the standard device, PCI vendor 8086h: the demo's tables match ACECh only
        assertThatThrownBy(() -> demo.call("emu:mem0", "demo-get-temperature"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no table of the plugin offers 'demo-get-temperature' on emu:mem0")
                .hasMessageContaining("0x8086");
        assertThatThrownBy(() -> demo.call("emu:demo-nvme0", "demo-get-temperature"))
                .hasMessageContaining("[demo-nvme-set-debug]");
        assertThatThrownBy(() -> demo.call("emu:nowhere", "demo-get-temperature"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("emu:demo-mem0");
    }

    @Test
    void theStandardDevicesAnswerSpecCommands() throws Exception {
        // CXL Identify (0001h) output: PCIe vendor id at 0, device id at 2, serial number at 8 (8 bytes),
        // component type at 17
        byte[] identify = bytes("""
                { "format": 1, "vendor": "spec", "match": { "kinds": ["cxl-memory-device"] }, "commands": [
                  { "name": "identify", "opcode": "0x0001", "description": "Identify", "effects": [], "level": "telemetry",
                    "response": { "max-size": 18, "fields": [
                      { "name": "pci-vendor-id", "offset": 0, "type": "u16" },
                      { "name": "pci-device-id", "offset": 2, "type": "u16" },
                      { "name": "serial-number", "offset": 8, "type": "u64" },
                      { "name": "component-type", "offset": 17, "type": "u8" } ] } } ] }
                """);
        PluginHarness spec = PluginHarness.builder().table("spec.json", identify).build();

        CallOutcome outcome = spec.call("emu:mem0", "identify");

        assertThat(outcome.values()).containsExactly(Map.entry("pci-vendor-id", 0x8086L),
                Map.entry("pci-device-id", 0x0D93L), Map.entry("serial-number", 0xC0FFEE00L),
                Map.entry("component-type", 3L));
    }

    @Test
    void withoutStandardDevicesOnlyTheProfilesDevicesExist() {
        PluginHarness demo = PluginHarness.builder().table(TABLE).profile(PROFILE).withoutStandardDevices().build();

        assertThat(demo.devices()).extracting(d -> d.id().toString()).containsExactly("emu:demo-mem0", "emu:demo-nvme0");
    }

    @Test
    void aBuiltPluginJarIsReadByItsManifest() throws Exception {
        Path jar = Jars.plugin().header("Fwgate-Command-Tables", TABLE).header("Fwgate-Emulator-Profiles", PROFILE)
                .entry(TABLE, resource(TABLE)).entry(PROFILE, resource(PROFILE)).write(dir.resolve("demo.jar"));

        PluginHarness demo = PluginHarness.builder().bundle(jar).build();

        assertThat(demo.tables()).extracting(t -> t.source()).containsExactly("demo.jar!/" + TABLE);
        assertThat(demo.call("emu:demo-mem0", "demo-get-temperature").ok()).isTrue();
    }

    @Test
    void tablesThePlatformWouldRefuseAreRefusedWithTheirLocations() {
        byte[] broken = bytes(Tables.acmeCxl(Tables.command("acme-a", "0xC000", "[]", "telemetry") + ",\n"
                + Tables.command("acme-a", "0xC001", "[]", "telemetry")));

        assertThatThrownBy(() -> PluginHarness.builder().table("broken.json", broken).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("/commands/1/name");
        assertThatThrownBy(() -> PluginHarness.builder().table("OSGI-INF/fwgate/none.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OSGI-INF/fwgate/none.json");
        assertThatThrownBy(() -> PluginHarness.builder().build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void profilesTheEmulatorWouldIgnoreAreRefusedByName() {
        byte[] bad = bytes("{ \"format\": 1, \"devices\": [] }");

        assertThatThrownBy(() -> PluginHarness.builder().table(TABLE).profile("bad-emulation.json", bad).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad-emulation.json")
                .hasMessageContaining("at least one device");
    }

    @Test
    void decodersGetAReadOnlyLittleEndianBufferAtThePayloadsStart() throws Exception {
        ResponseDecoder probe = payload -> Map.of("order", payload.order().toString(), "position",
                (long) payload.position(), "remaining", (long) payload.remaining(), "read-only", payload.isReadOnly());
        PluginHarness demo = PluginHarness.builder().table(TABLE).profile(PROFILE).decoder("demo-tlv", probe).build();

        Map<String, Object> values = demo.call("emu:demo-mem0", "demo-dump").values();

        assertThat(values).containsEntry("order", "LITTLE_ENDIAN").containsEntry("position", 0L)
                .containsEntry("remaining", 8L).containsEntry("read-only", true);
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = PluginHarnessTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
