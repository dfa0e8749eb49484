package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.api.Level;
import io.fwgate.platform.CallException;
import io.fwgate.platform.Caller;
import io.fwgate.platform.RefusalReason;
import io.fwgate.platform.RefusedException;

/**
 * Escalation attempts against the gate, each refused with nothing sent (docs/RELIABILITY.md, "Privilege"
 * lists them). Callers come from {@code policy.json}: 1000 telemetry (everyone), 1002 configuration,
 * 1001 configuration with fabric reach, root everything.
 */
class EscalationTest {
    private static final Caller CONFIGURATION = new Caller(1002, 1002, new long[] { 1002 });
    private static final Caller FABRIC = new Caller(1001, 1001, new long[] { 1001 });
    private static final String POLICY = """
            { "grants": [ { "uid": 0, "level": "debug-write-full" },
                          { "uid": 1001, "level": "configuration", "reach": "fabric" },
                          { "uid": 1002, "level": "configuration" },
                          { "everyone": true, "level": "telemetry" } ],
              "plugin-caps": { "bundles": { "com.example.capped": { "level": "configuration" } } } }""";
    /** The memory device's CEL: Health 4200h none, Set Timestamp 0301h policy change (bit 3), Sanitize 4400h bits 2, 5, 6. */
    private static final int[] CEL = { 0x4200, 0x0000, 0x0301, 0x0008, 0x4400, 0x0064 };

    @TempDir
    Path config;
    @TempDir
    Path state;

    private final FaultyDevice devices = new FaultyDevice(CEL).with("mem0").withSwitch("sw0");
    private Rig rig;

    @BeforeEach
    void assemble() throws Exception {
        Files.writeString(config.resolve(PolicyLoader.POLICY_FILE), POLICY);
        rig = rig();
    }

    private Rig rig() throws Exception {
        return new Rig(config, state, Duration.ofSeconds(5)).transport(devices).cxlMemPlugin(7)
                .bundledPlugin(8, "io.fwgate.plugin-cxl-switch", "OSGI-INF/fwgate/cxl-switch.json")
                .bundledPlugin(9, "io.fwgate.plugin-acme", "OSGI-INF/fwgate/acme-cxl.json");
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private void refused(Caller caller, String device, String command, Map<String, String> args, Level needed,
            String why) {
        assertThatThrownBy(() -> rig.call(caller, device, command, args, true))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.neededLevel()).isEqualTo(needed))
                .hasMessageContaining(why);
    }

    private void nothingSent() {
        assertThat(devices.commandsSent("mem0")).isEmpty();
        assertThat(devices.commandsSent("sw0")).isEmpty();
    }

    @Test
    void aTelemetryCallerCannotRunAConfigurationCommand() throws Exception {
        refused(Rig.USER, "mem0", "set-timestamp", Map.of("timestamp", "1"), Level.CONFIGURATION, "you have telemetry");
        nothingSent();
        assertThat(rig.records()).singleElement().satisfies(r -> assertThat(r).containsEntry("decision", "refused"));
    }

    @Test
    void aRawOpcodeWithNoCelEntryNeedsTheHighestLevelAndConfirmation() throws Exception {
        refused(CONFIGURATION, "mem0", "0x4300", Map.of(), Level.DEBUG_WRITE_FULL,
                "in no table and the device reports no effects");
        assertThatThrownBy(() -> rig.call(Rig.ROOT, "mem0", "0x4300", Map.of(), false))
                .isInstanceOf(RefusedException.class).hasMessageContaining("repeat with --confirm");
        nothingSent();
    }

    @Test
    void aVendorOpcodeWithoutItsVendorsPluginNeedsTheHighestLevel() throws Exception {
        // acme's table declares C000h telemetry, but only for acme devices (PCI vendor ACECh): not for mem0
        refused(CONFIGURATION, "mem0", "0xc000", Map.of(), Level.DEBUG_WRITE_FULL, "in no table");
        nothingSent();
    }

    @Test
    void aTunneledSanitizeIsJudgedAsSanitizeHoweverDeepItIsWrapped() throws Exception {
        byte[] once = tunnel(1, cci(0x4400, new byte[0]));
        byte[] twice = tunnel(2, cci(0x5300, once));
        for (byte[] wrapped : new byte[][] { once, twice }) {
            refused(CONFIGURATION, "sw0", "0x5300", payload(wrapped), Level.DEBUG_WRITE_FULL, "tunneled 0x4400");
            refused(CONFIGURATION, "sw0", "tunnel-management", Map.of("port-or-ld-id", "1",
                    "command-size", Integer.toString(wrapped.length - 4), "message",
                    HexFormat.of().formatHex(wrapped, 4, wrapped.length)), Level.DEBUG_WRITE_FULL, "tunneled 0x4400");
        }
        nothingSent();
        assertThat(rig.records()).allSatisfy(r -> assertThat(r).containsEntry("inner-opcode", "0x4400"));
    }

    @Test
    void aMalformedTunnelNeedsTheHighestLevel() throws Exception {
        byte[] truncated = tunnel(1, cci(0x4200, new byte[0]));
        truncated[2] = 40; // a command size past the bytes that follow
        refused(CONFIGURATION, "sw0", "0x5300", payload(truncated), Level.DEBUG_WRITE_FULL, "malformed");
        nothingSent();
    }

    @Test
    void aTunneledTelemetryCommandIsTelemetry() throws Exception {
        rig.call(Rig.USER, "sw0", "0x5300", payload(tunnel(1, cci(0x4200, new byte[0]))), false);
        assertThat(devices.commandsSent("sw0")).containsExactly(0x5300);
    }

    /** Finding F4, fixed: a vendor's declaration for its own devices lowered the same opcode tunneled to any device. */
    @Test
    void aTunneledVendorOpcodeIsNotJudgedByAnotherVendorsTable() throws Exception {
        refused(Rig.USER, "sw0", "0x5300", payload(tunnel(3, cci(0xc000, new byte[0]))), Level.DEBUG_WRITE_FULL,
                "tunneled 0xc000");
        nothingSent();
    }

    @Test
    void aFabricCommandIsRefusedOnAHostWhateverTheCallersGrant() throws Exception {
        Map<String, String> bind = Map.of("vcs-id", "0", "vppb-id", "1", "port-id", "2");
        assertThatThrownBy(() -> rig.call(FABRIC, "sw0", "bind-vppb", bind, true))
                .isInstanceOf(RefusedException.class).hasMessageContaining("this host's role is host");
        nothingSent();
        Files.writeString(config.resolve(PolicyLoader.ROLE_FILE), "fabric-manager\n");
        rig.close();
        rig = rig();
        assertThatThrownBy(() -> rig.call(CONFIGURATION, "sw0", "bind-vppb", bind, true))
                .isInstanceOf(RefusedException.class).hasMessageContaining("needs fabric reach, you have device reach");
        rig.call(FABRIC, "sw0", "bind-vppb", bind, true);
        assertThat(devices.commandsSent("sw0")).containsExactly(0x5201);
    }

    @Test
    void anIdentityInTheRequestIsAnUnknownArgumentNotAnIdentity() throws Exception {
        for (String command : new String[] { "get-health-info", "0x4200" }) {
            assertThatThrownBy(() -> rig.call(Rig.USER, "mem0", command, Map.of("uid", "0"), true))
                    .isInstanceOfSatisfying(CallException.class,
                            e -> assertThat(e.kind()).isEqualTo(CallException.Kind.BAD_REQUEST))
                    .hasMessageContaining("'uid'");
        }
        nothingSent();
        assertThat(rig.records()).isEmpty();
    }

    @Test
    void aPluginDeclaringALevelAboveItsCapIsRefusedWhole() throws Exception {
        String table = "{\"format\":1,\"vendor\":\"capped\",\"match\":{\"kinds\":[\"cxl-memory-device\"]},\"commands\":["
                + "{\"name\":\"capped-read\",\"opcode\":\"0xc200\",\"description\":\"d\",\"effects\":[],\"level\":\"telemetry\","
                + "\"request\":{\"size\":0,\"fields\":[]},\"response\":{\"max-size\":0,\"fields\":[]}},"
                + "{\"name\":\"capped-erase\",\"opcode\":\"0xc201\",\"description\":\"d\",\"effects\":[\"data-change-immediate\"],"
                + "\"level\":\"debug-write-full\",\"request\":{\"size\":0,\"fields\":[]},\"response\":{\"max-size\":0,\"fields\":[]}}]}";
        rig.plugin(20, "com.example.capped", "1.0.0", table.getBytes(StandardCharsets.UTF_8));
        assertThat(rig.registry.plugins()).filteredOn(p -> p.symbolicName().equals("com.example.capped"))
                .singleElement().satisfies(p -> assertThat(p.refusal()).contains(RefusalReason.LEVEL_ABOVE_CAP));
        for (String command : new String[] { "capped-read", "capped-erase" }) {
            assertThatThrownBy(() -> rig.call(Rig.ROOT, "mem0", command, Map.of(), true))
                    .hasMessageContaining("unknown command '" + command + "'");
        }
        nothingSent();
    }

    /** Finding F5, fixed: a symlink planted in a state directory others can write redirected root's audit appends. */
    @Test
    void anAuditLogSymlinkedElsewhereIsNotWrittenThrough() throws Exception {
        Path victim = Files.createFile(config.resolve("victim")); // any empty file root can write
        rig.close();
        Files.createSymbolicLink(state.resolve("audit.jsonl"), victim);
        rig = rig();
        assertThatThrownBy(() -> rig.call(Rig.USER, "mem0", "get-health-info", Map.of(), false))
                .isInstanceOfSatisfying(CallException.class,
                        e -> assertThat(e.kind()).isEqualTo(CallException.Kind.AUDIT_FAILED))
                .hasMessageContaining("cannot write the audit log");
        assertThat(victim).isEmptyFile();
        nothingSent();
    }

    private static Map<String, String> payload(byte[] bytes) {
        return Map.of("payload", HexFormat.of().formatHex(bytes));
    }

    /** CXL 3.x CCI message: category 0 (request), tag, reserved, le16 opcode, 21-bit length, return code, vendor status. */
    static byte[] cci(int opcode, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(12 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0).put((byte) 0).put((byte) 0).putShort((short) opcode);
        out.put((byte) payload.length).put((byte) (payload.length >> 8)).put((byte) (payload.length >> 16 & 0x1f));
        out.putShort((short) 0).putShort((short) 0).put(payload);
        return out.array();
    }

    /** Tunnel Management Command (5300h) request: port or LD id, target type 0, le16 command size, the message. */
    static byte[] tunnel(int port, byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(port);
        out.write(0);
        out.write(message.length & 0xff);
        out.write(message.length >> 8);
        out.writeBytes(message);
        return out.toByteArray();
    }
}
