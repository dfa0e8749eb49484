package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.api.DeviceId;
import io.fwgate.api.Level;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;
import io.fwgate.platform.RefusedException;

class RouterTest {
    private static final Caller ROOT = new Caller(0, 0, new long[] { 0 });
    private static final Caller USER = new Caller(1000, 1000, new long[] { 1000 });
    /** Health 4200h reads; Set LSA 4103h changes configuration and data; Sanitize 4400h data + background. */
    private static final String TABLE = "{\"format\":1,\"vendor\":\"t\",\"match\":{\"kinds\":[\"cxl-memory-device\"]},"
            + "\"commands\":["
            + "{\"name\":\"health\",\"opcode\":\"0x4200\",\"description\":\"d\",\"effects\":[],\"level\":\"telemetry\","
            + " \"request\":{\"size\":0,\"fields\":[]},"
            + " \"response\":{\"max-size\":4,\"fields\":[{\"name\":\"life-used-percent\",\"offset\":3,\"type\":\"u8\"}]}},"
            + "{\"name\":\"set-lsa\",\"opcode\":\"0x4103\",\"description\":\"d\",\"effects\":[],\"level\":\"telemetry\","
            + " \"request\":{\"size\":8,\"fields\":[{\"name\":\"offset\",\"offset\":0,\"type\":\"u32\",\"max\":1024}]},"
            + " \"response\":{\"max-size\":0,\"fields\":[]}},"
            + "{\"name\":\"clear-log\",\"opcode\":\"0x0101\",\"description\":\"d\",\"effects\":[\"log-change-immediate\"],"
            + " \"level\":\"configuration\",\"request\":{\"size\":0,\"fields\":[]},"
            + " \"response\":{\"max-size\":0,\"fields\":[]}},"
            + "{\"name\":\"sanitize\",\"opcode\":\"0x4400\",\"description\":\"d\",\"effects\":[\"data-change-immediate\"],"
            + " \"level\":\"debug-write-full\",\"request\":{\"size\":0,\"fields\":[]},"
            + " \"response\":{\"max-size\":0,\"fields\":[]}}]}";

    @TempDir
    Path config;
    @TempDir
    Path state;

    /** Health answers its 4 bytes (life used at byte 3); every other command, as its table says, nothing. */
    private FakeDevice device = new FakeDevice(0x4200, 0x0200, 0x4103, 0x0006, 0x4400, 0x0044, 0x0101, 0x0010)
            .answering(r -> new DeviceResponse(0, r.opcode() == 0x4200 ? new byte[] { 0, 0, 0, 7 } : new byte[0]));

    private boolean devModeOn;
    private PluginRegistry registry;

    private Router router(Path stateDir) throws Exception {
        Settings settings = new Settings(config, stateDir, new PolicyLoader(new UnixNames(Map.of("root", 0L), Map.of())));
        registry = new PluginRegistry(settings::caps);
        var table = io.fwgate.tables.TableParser.parse("t", TABLE.getBytes(StandardCharsets.UTF_8));
        assertThat(table.problems()).isEmpty();
        registry.admit(new PluginRecord(5, "test.plugin", "1.0.0", List.of("t.json"), List.of(table.table().get()),
                Optional.empty(), ""));
        return new Router(settings, new Devices(() -> List.of(device)), registry, (id, name) -> Optional.empty(),
                new AuditLog(stateDir, Clock.systemUTC())::append, new TaintFlag(stateDir), () -> Optional.of(devMode()));
    }

    private io.fwgate.platform.DevMode devMode() {
        return new io.fwgate.platform.DevMode() {
            @Override
            public boolean active() {
                return devModeOn;
            }

            @Override
            public boolean isDevBundle(long bundleId) {
                return devModeOn && bundleId == 5;
            }
        };
    }

    private Router router() throws Exception {
        return router(state);
    }

    private static CallRequest call(String command, Map<String, String> args, boolean confirm) {
        return new CallRequest(FakeDevice.ID, command, args, confirm);
    }

    private List<Map<String, Object>> audit() throws IOException {
        return new AuditLog(state, Clock.systemUTC()).trail().records(0);
    }

    @Test
    void aTelemetryCallIsDecodedAndAuditedAsDecisionThenResult() throws Exception {
        CallResult result = router().call(USER, call("health", Map.of(), false));
        assertThat(result.response()).containsEntry("life-used-percent", 7L);
        assertThat(result.level()).isEqualTo(Level.TELEMETRY);
        assertThat(result.auditSequence()).isEqualTo(2);
        assertThat(audit()).extracting(r -> r.get("decision"), r -> r.get("result"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("allowed", null),
                        org.assertj.core.groups.Tuple.tuple(null, "success"));
        assertThat(audit().get(0)).containsEntry("command", "health").containsEntry("granted-level", "telemetry");
    }

    @Test
    void theDevicesCelOverridesAVendorThatDeclaresTelemetry() throws Exception {
        assertThatThrownBy(() -> router().call(USER, call("set-lsa", FakeDevice.args("offset", "0"), false)))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.neededLevel()).isEqualTo(Level.DEBUG_WRITE_FULL);
                    assertThat(e.grantedLevel()).isEqualTo(Level.TELEMETRY);
                    assertThat(e.getMessage()).contains("device reports").contains("data-change-immediate");
                });
        assertThat(device.commandsSent()).isEmpty();
        assertThat(audit()).singleElement().satisfies(r -> assertThat(r).containsEntry("decision", "refused"));
    }

    @Test
    void badRequestsChangeNothingAndSendNothing() throws Exception {
        Router router = router();
        assertThatThrownBy(() -> router.call(ROOT, new CallRequest(new DeviceId("fake", "nope"), "health", Map.of(), false)))
                .isInstanceOfSatisfying(CallException.class, e -> assertThat(e.kind()).isEqualTo(CallException.Kind.BAD_REQUEST))
                .hasMessageContaining("unknown device fake:nope");
        assertThatThrownBy(() -> router.call(ROOT, call("helth", Map.of(), false))).hasMessageContaining("unknown command 'helth'");
        assertThatThrownBy(() -> router.call(ROOT, call("set-lsa", FakeDevice.args("offset", "banana"), true)))
                .hasMessageContaining("offset");
        assertThatThrownBy(() -> router.call(ROOT, call("set-lsa", FakeDevice.args("offset", "5000"), true)))
                .hasMessageContaining("5000");
        assertThat(device.commandsSent()).isEmpty();
        assertThat(audit()).isEmpty();
        assertThat(Files.exists(state.resolve(TaintFlag.FILE))).isFalse();
    }

    @Test
    void aDeviceFailureStatusIsAResultNotAnException() throws Exception {
        device.answering(r -> new DeviceResponse(2, new byte[0]));
        CallResult result = router().call(USER, call("health", Map.of(), false));
        assertThat(result.ok()).isFalse();
        assertThat(result.statusName()).isEqualTo("invalid-input");
        assertThat(audit().get(1)).containsEntry("result", "device-error").containsEntry("status", 2);
    }

    @Test
    void aDeliveryFailureIsAuditedAndReported() throws Exception {
        device.failing(new java.io.IOException("mailbox timeout"));
        assertThatThrownBy(() -> router().call(USER, call("health", Map.of(), false)))
                .isInstanceOfSatisfying(CallException.class,
                        e -> assertThat(e.kind()).isEqualTo(CallException.Kind.DELIVERY_FAILED))
                .hasMessageContaining("mailbox timeout");
        assertThat(audit().get(1)).containsEntry("result", "delivery-failed");
    }

    @Test
    void aDestructiveCommandNeedsConfirmationAndThenTaintsTheHost() throws Exception {
        Router router = router();
        assertThatThrownBy(() -> router.call(ROOT, call("sanitize", Map.of(), false))).hasMessageContaining("--confirm");
        assertThat(device.commandsSent()).isEmpty();
        device.answering(r -> new DeviceResponse(1, new byte[0]));
        CallResult result = router.call(ROOT, call("sanitize", Map.of(), true));
        assertThat(result.ok()).isTrue();
        assertThat(result.statusName()).isEqualTo("background-command-started");
        assertThat(Files.readString(state.resolve(TaintFlag.FILE))).contains("sanitize");
    }

    @Test
    void rawOpcodesTakeTheLevelOfTheirCelEntryAndUnlistedOnesNeedTheHighest() throws Exception {
        Router router = router();
        CallResult raw = router.call(USER, call("0x4200", Map.of(), false));
        assertThat(raw.response()).containsEntry("payload", "00000007");
        assertThatThrownBy(() -> router.call(USER, call("0xc000", Map.of(), false)))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.neededLevel()).isEqualTo(Level.DEBUG_WRITE_FULL));
        assertThatThrownBy(() -> router.call(USER, call("0x4200", FakeDevice.args("payload", "zz"), false)))
                .hasMessageContaining("not hex");
    }

    @Test
    void anUnwritableStateDirectoryRefusesTheCallBeforeAnythingIsSent() throws Exception {
        Path notADirectory = Files.writeString(state.resolve("file"), "x");
        assertThatThrownBy(() -> router(notADirectory.resolve("state")).call(USER, call("health", Map.of(), false)))
                .isInstanceOfSatisfying(CallException.class,
                        e -> assertThat(e.kind()).isEqualTo(CallException.Kind.AUDIT_FAILED))
                .hasMessageContaining("--state");
        assertThat(device.commandsSent()).isEmpty();
    }

    @Test
    void anInvalidPolicyRefusesEveryCall() throws Exception {
        Files.writeString(config.resolve("policy.json"), "{ \"grants\": 3 }");
        assertThatThrownBy(() -> router().call(ROOT, call("health", Map.of(), false)))
                .isInstanceOfSatisfying(CallException.class, e -> assertThat(e.kind()).isEqualTo(CallException.Kind.REFUSED))
                .hasMessageContaining("policy is invalid");
        assertThat(device.commandsSent()).isEmpty();
    }

    @Test
    void aDevPluginsWriteCommandTaintsTheHostAndDevModeIsInEveryRecord() throws Exception {
        Router signed = router();
        signed.call(ROOT, call("clear-log", Map.of(), false));
        assertThat(Files.exists(state.resolve(TaintFlag.FILE))).as("a signed plugin's configuration command").isFalse();
        devModeOn = true;
        Router router = router();
        router.call(ROOT, call("health", Map.of(), false));
        assertThat(Files.exists(state.resolve(TaintFlag.FILE))).isFalse();
        device.answering(r -> new DeviceResponse(0, new byte[0]));
        router.call(ROOT, call("clear-log", Map.of(), false));
        assertThat(Files.readString(state.resolve(TaintFlag.FILE))).contains("clear-log");
        assertThat(audit().subList(0, 2)).noneSatisfy(r -> assertThat(r).containsKey("dev-mode"));
        assertThat(audit().subList(2, 6)).allSatisfy(r -> assertThat(r).containsEntry("dev-mode", true));
    }

    @Test
    void aCallRacingThePluginsRemovalIsToldThePluginChanged() throws Exception {
        Router router = router();
        registry.remove(5);
        assertThatThrownBy(() -> router.call(USER, call("health", Map.of(), false)))
                .isInstanceOfSatisfying(CallException.class,
                        e -> assertThat(e.kind()).isEqualTo(CallException.Kind.DELIVERY_FAILED))
                .hasMessageContaining("plugin changed: test.plugin 1.0.0");
        assertThatThrownBy(() -> router.call(USER, call("nothing-like-it", Map.of(), false)))
                .hasMessageContaining("unknown command");
        assertThat(device.commandsSent()).isEmpty();
    }

    @Test
    void observersHearEveryJudgedCallWithItsOutcome() throws Exception {
        Router router = router();
        List<io.fwgate.platform.CallEvent> events = new java.util.ArrayList<>();
        router.observeWith(events::add);
        router.call(USER, call("health", Map.of(), false));
        assertThatThrownBy(() -> router.call(USER, call("sanitize", Map.of(), true)));
        assertThat(events).extracting(e -> e.command(), e -> e.decision(), e -> e.outcome())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("health", "allowed", "success"),
                        org.assertj.core.groups.Tuple.tuple("sanitize", "refused", "refused"));
        assertThat(events.get(0).response()).containsEntry("life-used-percent", 7L);
        assertThat(events.get(0).device().id()).isEqualTo(FakeDevice.ID);
    }

    @Test
    void aTunnelIsJudgedByItsInnermostCommandNeverByTheTunnel() throws Exception {
        Router router = router();
        var path = List.of(io.fwgate.cci.TunnelHop.to(1), io.fwgate.cci.TunnelHop.to(0));
        String health = java.util.HexFormat.of().formatHex(io.fwgate.cci.Tunnel.wrap(path, 0x4200, new byte[0]));
        router.call(USER, call("0x5300", FakeDevice.args("payload", health), false));
        assertThat(audit().get(0)).containsEntry("level", "telemetry").containsEntry("tunnel-path", "1 -> 0")
                .containsEntry("inner-opcode", "0x4200");

        String sanitize = java.util.HexFormat.of().formatHex(io.fwgate.cci.Tunnel.wrap(path, 0x4400, new byte[0]));
        assertThatThrownBy(() -> router.call(USER, call("0x5300", FakeDevice.args("payload", sanitize), true)))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.neededLevel()).isEqualTo(Level.DEBUG_WRITE_FULL))
                .hasMessageContaining("tunneled 0x4400");
        assertThatThrownBy(() -> router.call(USER, call("0x5300", FakeDevice.args("payload", "0102"), true)))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.getMessage()).contains("malformed"));
    }

    @Test
    void anFwctlRequestCarriesTheGatesLevelAsItsScope() {
        var fwctl = new Devices.Reached(new io.fwgate.api.DeviceInfo(new DeviceId("fwctl", "fwctl0"),
                io.fwgate.api.DeviceKind.FWCTL_DEVICE, -1, -1, Optional.empty(), ""), device);
        var request = new io.fwgate.api.spi.DeviceRequest(0x0502, new byte[0], Map.of(), 0);
        var scoped = Router.scoped(fwctl, request, new Requirement(Level.CONFIGURATION, io.fwgate.api.Reach.DEVICE, "t"));
        assertThat(scoped.parameters()).containsEntry("level", 1L);
        var mem = new Devices.Reached(device.devices().get(0), device);
        assertThat(Router.scoped(mem, request, new Requirement(Level.CONFIGURATION, io.fwgate.api.Reach.DEVICE, "t"))
                .parameters()).isEmpty();
    }
}
