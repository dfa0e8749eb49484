package io.fwgate.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fwgate.platform.Caller;

/** list, commands, plugins and status. */
class InfoCommandsTest {
    private final FakeGateway gateway = new FakeGateway();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void listJsonGivesPciIdsAsFourHexDigitsAndNullWhenUnknown() throws IOException {
        Run run = Run.of(gateway, "list", "--json");

        assertThat(run.exit()).isZero();
        JsonNode devices = mapper.readTree(run.out());
        assertThat(devices).hasSize(2);
        assertThat(devices.get(0).get("id").asText()).isEqualTo("emu:mem0");
        assertThat(devices.get(0).get("kind").asText()).isEqualTo("cxl-memory-device");
        assertThat(devices.get(0).get("pci").asText()).isEqualTo("8086:0d93");
        assertThat(devices.get(0).get("serial").asText()).isEqualTo("0x1234");
        assertThat(devices.get(1).get("pci").isNull()).isTrue();
        assertThat(devices.get(1).get("serial").isNull()).isTrue();
    }

    @Test
    void listHumanIsAnAlignedTable() {
        Run run = Run.of(gateway, "list");

        assertThat(run.out().lines()).containsExactly(
                "ID        KIND               PCI        SERIAL  DESCRIPTION",
                "emu:mem0  cxl-memory-device  8086:0d93  0x1234  emulated CXL memory expander",
                "mctp:1,8  mctp-endpoint      -          -       -");
    }

    @Test
    void commandsJsonGivesOpcodeLevelEffectsAndArguments() throws IOException {
        Run run = Run.of(gateway, "commands", "emu:mem0", "--json");

        assertThat(run.exit()).isZero();
        JsonNode setLsa = mapper.readTree(run.out()).get(1);
        assertThat(setLsa.get("name").asText()).isEqualTo("set-lsa");
        assertThat(setLsa.get("opcode").asText()).isEqualTo("0x4103");
        assertThat(setLsa.get("level").asText()).isEqualTo("configuration");
        assertThat(setLsa.get("reach").asText()).isEqualTo("device");
        assertThat(setLsa.get("declared-effects").toString()).isEqualTo("[\"config-change-immediate\"]");
        assertThat(setLsa.get("device-effects").toString())
                .isEqualTo("[\"config-change-immediate\",\"data-change-immediate\"]");
        assertThat(setLsa.get("plugin").asText()).isEqualTo("io.fwgate.plugin.cxl.mem");
        JsonNode offset = setLsa.get("arguments").get(0);
        assertThat(offset.get("name").asText()).isEqualTo("offset");
        assertThat(offset.get("type").asText()).isEqualTo("u32");
        assertThat(offset.get("default").asText()).isEqualTo("0");
        JsonNode mode = setLsa.get("arguments").get(1);
        assertThat(mode.get("default").isNull()).isTrue();
        assertThat(mode.get("enum").toString()).isEqualTo("[\"fast\",\"full\"]");
    }

    @Test
    void commandsHumanShowsTheTableThenEffectsAndArgumentsPerCommand() {
        Run run = Run.of(gateway, "commands", "emu:mem0");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("set-lsa   0x4103  configuration  device")
                .contains("  device effects:   config-change-immediate, data-change-immediate")
                .contains("    --arg offset=<u32> (default 0)  byte offset")
                .contains("    --arg mode=<u8> one of fast|full (required)")
                .contains("identify:\n  declared effects: none\n  device effects:   none\n  arguments:        none");
    }

    @Test
    void commandsOfAnUnknownDeviceIsAUsageError() {
        Run run = Run.of(gateway, "commands", "emu:nosuch");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("fwgate: unknown device emu:nosuch\n");
    }

    @Test
    void pluginsShowStateReasonAndCommandCount() throws IOException {
        Run human = Run.of(gateway, "plugins");
        Run json = Run.of(gateway, "plugins", "--json");

        assertThat(human.out().lines()).element(2).asString()
                .matches("com\\.example\\.bad\\s+0\\.1\\.0\\s+REFUSED\\s+0\\s+level-above-cap\\s+tables/x.json: wipe");
        JsonNode refused = mapper.readTree(json.out()).get(1);
        assertThat(refused.get("state").asText()).isEqualTo("REFUSED");
        assertThat(refused.get("reason").asText()).isEqualTo("level-above-cap");
        assertThat(mapper.readTree(json.out()).get(0).get("commands").asInt()).isEqualTo(11);
    }

    @Test
    void statusReportsTheKernelCallerAndItsGrant() throws IOException {
        Caller caller = new Caller(1000, 1000, new long[] { 27 });

        Run human = Run.of(gateway, () -> caller, "status");
        Run json = Run.of(gateway, () -> caller, "status", "--json");

        assertThat(human.out().lines()).containsExactly(
                "tainted:  yes, by 2026-01-01T00:00:00Z emu:mem0 sanitize",
                "role:     host",
                "caller:   uid=1000 gid=1000 groups=[27]",
                "granted:  level telemetry, reach device",
                "config:   /etc/fwgate",
                "state:    /var/lib/fwgate");
        JsonNode status = mapper.readTree(json.out());
        assertThat(status.get("caller").get("uid").asLong()).isEqualTo(1000);
        assertThat(status.get("caller").get("groups").toString()).isEqualTo("[27]");
        assertThat(status.get("granted-level").asText()).isEqualTo("telemetry");
        assertThat(status.get("tainted").asBoolean()).isTrue();
    }
}
