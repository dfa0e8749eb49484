package io.fwgate.plugin.mctp;

import static io.fwgate.plugin.mctp.MctpTable.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.kit.Payload;
import io.fwgate.tables.EncodedRequest;
import io.fwgate.tables.InvalidArgumentException;
import io.fwgate.tables.TableMatch;

/**
 * The MCTP-level commands: requests and responses built from the offsets of DSP0236 (control) and
 * NVMe-MI 1.2 (NVM Subsystem Health Data Structure, as libnvme's {@code nvme_mi_nvm_ss_health_status}).
 */
class MctpTableTest {
    @Test
    void theTableParsesAndReachesEndpointsOfBothMctpBindings() {
        assertThat(MctpTable.SHIPPED.result().problems()).isEmpty();
        TableMatch match = MctpTable.SHIPPED.table().match();

        assertThat(match.matches(device("mctp-serial:/dev/pts/3,8", DeviceKind.CXL_SWITCH))).isTrue();
        assertThat(match.matches(device("mctp-serial:/dev/ttyS1,9", DeviceKind.MCTP_ENDPOINT))).isTrue();
        assertThat(match.matches(device("emu:switch0", DeviceKind.CXL_SWITCH))).isFalse();
        assertThat(match.matches(device("mctp:1,8", DeviceKind.MCTP_ENDPOINT))).isTrue();
        assertThat(match.matches(device("mctp:1,9", DeviceKind.CXL_SWITCH))).isTrue();
        assertThat(match.matches(device("mctp:1,10", DeviceKind.CXL_MEMORY_DEVICE))).isFalse();
    }

    @Test
    void everyCommandIsTelemetryAndNamesItsMessageTypeInOpcodeAndParameter() throws Exception {
        for (var spec : MctpTable.SHIPPED.table().commands()) {
            EncodedRequest request = spec.request().encode(Map.of());

            assertThat(spec.effects()).as(spec.name()).isEmpty();
            assertThat(request.parameters()).as(spec.name()).containsOnlyKeys("mctp-type");
            assertThat(request.parameters().get("mctp-type")).as(spec.name()).isEqualTo((long) spec.opcode() >> 8);
        }
    }

    @Test
    void theHealthPollNeverClearsTheChangeBits() throws Exception {
        EncodedRequest plain = command("nvme-mi-subsystem-health-status-poll").request().encode(Map.of());

        // NMD0 at 0..3, NMD1 at 4..7 little endian: CS, bit 31 of NMD1, stays 0
        assertThat(plain.payload()).containsExactly(new byte[8]);
        assertThatThrownBy(() -> command("nvme-mi-subsystem-health-status-poll").request()
                .encode(Map.of("clear-status", "1"))).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void theHealthDataStructureDecodes() throws Exception {
        // NSS: drive functional (5), reset not required (4), port 0 link active (3); SW: all clear but bit 1
        // (temperature above threshold is active); CTEMP 45; PDLU 7; CCS: ready (0) and temperature change (9)
        byte[] payload = new Payload(8).u8(0, 0x38).u8(1, 0x3d).u8(2, 45).u8(3, 7).u16(4, 0x0201).bytes();

        Map<String, Object> values = command("nvme-mi-subsystem-health-status-poll").response().decode(payload);

        assertThat(values).containsEntry("nvm-subsystem-status",
                List.of("port-0-pcie-link-active", "reset-not-required", "drive-functional"))
                .containsEntry("smart-warnings-clear", List.of("spare-above-threshold", "reliability-not-degraded",
                        "media-not-read-only", "volatile-memory-backup-ok", "pmr-not-read-only"))
                .containsEntry("composite-temperature-celsius", 45L).containsEntry("drive-life-used-percent", 7L)
                .containsEntry("composite-controller-status", List.of("ready", "composite-temperature-change"));
    }

    @Test
    void temperaturesBelowZeroAndTheSpecialCodesDecode() throws Exception {
        var response = command("nvme-mi-subsystem-health-status-poll").response();

        assertThat(response.decode(new Payload(8).u8(2, 0xf6).bytes())).containsEntry("composite-temperature-celsius",
                -10L);
        assertThat(response.decode(new Payload(8).u8(2, 0x80).bytes())).containsEntry("composite-temperature-celsius",
                "no-data");
        assertThat(response.decode(new Payload(8).u8(2, 0x81).bytes())).containsEntry("composite-temperature-celsius",
                "sensor-failure");
    }

    @Test
    void getEndpointIdDecodes() throws Exception {
        // DSP0236 Get Endpoint ID response data after the completion code: EID, endpoint type, medium-specific
        Map<String, Object> values = command("mctp-get-endpoint-id").response()
                .decode(new Payload(3).u8(0, 8).u8(1, 0x11).bytes());

        assertThat(values).containsEntry("eid", 8L).containsEntry("endpoint-type", "bus-owner-or-bridge")
                .containsEntry("eid-type", "static").containsEntry("medium-specific", 0L);
    }

    @Test
    void getMessageTypeSupportListsTheTypes() throws Exception {
        Map<String, Object> values = command("mctp-get-message-type-support").response()
                .decode(new Payload(4).u8(0, 3).u8(1, 0x04).u8(2, 0x07).u8(3, 0x7f).bytes());

        assertThat(values).containsEntry("message-type-count", 3L).containsEntry("message-types",
                List.of(Map.of("type", "nvme-mi"), Map.of("type", "cxl-fm-api"), Map.of("type", "vendor-iana")));
    }

    private static DeviceInfo device(String id, DeviceKind kind) {
        return new DeviceInfo(DeviceId.parse(id), kind, -1, -1, Optional.empty(), "");
    }
}
