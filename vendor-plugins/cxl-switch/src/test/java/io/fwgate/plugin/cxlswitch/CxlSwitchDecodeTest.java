package io.fwgate.plugin.cxlswitch;

import static io.fwgate.plugin.cxlswitch.CxlSwitchTable.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DecodeException;
import io.fwgate.kit.Payload;

/**
 * One hand-built response per command, every field at the offset CXL 3.x section 7.6.7 gives
 * (cross-checked with libcxlmi's cxlmi_cmd_fmapi_* structs and QEMU's cxl-mailbox-utils.c).
 */
class CxlSwitchDecodeTest {
    @Test
    void identifySwitchDevice() throws Exception {
        byte[] payload = new Payload(0x49).u8(0x00, 0).u8(0x02, 4).u8(0x03, 2).u8(0x04, 0x0f).u8(0x24, 0x03)
                .u16(0x44, 4).u16(0x46, 2).u8(0x48, 4).bytes();

        Map<String, Object> values = command("identify-switch-device").response().decode(payload);

        assertThat(values).containsEntry("physical-port-count", 4L).containsEntry("vcs-count", 2L)
                .containsEntry("total-vppbs", 4L).containsEntry("bound-vppbs", 2L)
                .containsEntry("hdm-decoders-per-usp", 4L);
        assertThat((String) values.get("active-port-bitmask")).startsWith("0f00").hasSize(64);
        assertThat((String) values.get("active-vcs-bitmask")).startsWith("0300").hasSize(64);
    }

    @Test
    void getPhysicalPortState() throws Exception {
        // header: u8 count, 3 reserved; block: id, config state, device CXL version, rsvd, device type,
        // port CXL versions, max width, negotiated width, speeds, max speed, current speed, LTSSM,
        // first lane, u16 link state, supported LD count
        byte[] payload = new Payload(4 + 16).u8(0, 1).u8(4, 1).u8(5, 3).u8(6, 2).u8(8, 5).u8(9, 2).u8(10, 16)
                .u8(11, 8).u8(12, 0x1f).u8(13, 5).u8(14, 4).u8(15, 4).u8(16, 0).u16(17, 0x0001).u8(19, 16).bytes();

        @SuppressWarnings("unchecked")
        Map<String, Object> port = ((List<Map<String, Object>>) command("get-physical-port-state").response()
                .decode(payload).get("ports")).get(0);

        assertThat(port).containsExactly(entry("port-id", 1L), entry("config-state", "downstream-port"),
                entry("connected-device-cxl-version", 2L), entry("connected-device-type", "cxl-type-3-mld"),
                entry("port-cxl-versions", List.of("cxl-2.0")), entry("max-link-width", 16L),
                entry("negotiated-link-width", 8L),
                entry("supported-link-speeds", List.of("2.5gt", "5gt", "8gt", "16gt", "32gt")),
                entry("max-link-speed", 5L), entry("current-link-speed", 4L), entry("ltssm-state", 4L),
                entry("first-negotiated-lane", 0L), entry("link-state-flags", 1L), entry("supported-ld-count", 16L));
    }

    @Test
    void getPhysicalPortStateWithMoreBlocksThanBytesIsRefused() {
        byte[] payload = new Payload(4 + 16).u8(0, 2).bytes();

        assertThatThrownBy(() -> command("get-physical-port-state").response().decode(payload))
                .isInstanceOf(DecodeException.class).hasMessageContaining("ports");
    }

    @Test
    void getVirtualSwitchInfo() throws Exception {
        // u8 VCS count, 3 reserved; VCS block: id, state, USP id, vPPB count; then {status, port, LD, rsvd}
        byte[] payload = new Payload(4 + 4 + 8).u8(0, 1).u8(4, 1).u8(5, 1).u8(6, 3).u8(7, 2)
                .u8(8, 3).u8(9, 1).u8(10, 1).u8(12, 0).u8(13, 0).u8(14, 0xff).bytes();

        Map<String, Object> values = command("get-virtual-switch-info").response().decode(payload);

        assertThat(values).containsEntry("vcs-id", 1L).containsEntry("vcs-state", "enabled")
                .containsEntry("upstream-port-id", 3L).containsEntry("vppb-count", 2L);
        assertThat(values.get("vppbs")).isEqualTo(List.of(
                Map.of("entry", 0L, "binding-status", "bound-ld", "bound-port-id", 1L, "bound-ld-id", 1L),
                Map.of("entry", 1L, "binding-status", "unbound", "bound-port-id", 0L, "bound-ld-id", "not-an-ld")));
    }

    @Test
    void getLdInfo() throws Exception {
        byte[] payload = new Payload(11).u64(0, 1L << 30).u16(8, 2).u8(10, 0x01).bytes();

        assertThat(command("get-ld-info").response().decode(payload)).containsExactly(
                entry("memory-size-bytes", 1L << 30), entry("ld-count", 2L),
                entry("qos-telemetry-capability", List.of("egress-port-congestion")));
    }

    @Test
    void getLdAllocations() throws Exception {
        // u8 LD count, u8 granularity, u8 start LD, u8 list length, then {u64 range 1, u64 range 2}
        byte[] payload = new Payload(4 + 32).u8(0, 2).u8(1, 0).u8(2, 0).u8(3, 2).u64(4, 2).u64(12, 0).u64(20, 1)
                .u64(28, 1).bytes();

        Map<String, Object> values = command("get-ld-allocations").response().decode(payload);

        assertThat(values).containsEntry("ld-count", 2L).containsEntry("memory-granularity", "256-mib")
                .containsEntry("entry-count", 2L);
        assertThat(values.get("allocations")).isEqualTo(List.of(
                Map.of("entry", 0L, "range-1-multiplier", 2L, "range-2-multiplier", 0L),
                Map.of("entry", 1L, "range-1-multiplier", 1L, "range-2-multiplier", 1L)));
    }

    @Test
    void setLdAllocationsEchoesWhatIsInEffect() throws Exception {
        byte[] payload = new Payload(4 + 16).u8(0, 1).u8(1, 1).u64(4, 3).u64(12, 1).bytes();

        Map<String, Object> values = command("set-ld-allocations").response().decode(payload);

        assertThat(values).containsEntry("ld-count", 1L).containsEntry("start-ld-id", 1L);
        assertThat(values.get("allocations"))
                .isEqualTo(List.of(Map.of("entry", 0L, "range-1-multiplier", 3L, "range-2-multiplier", 1L)));
    }

    @Test
    void tunnelManagementShowsTheInnerMessage() throws Exception {
        // u16 response length, 2 reserved, then the CCI response (12-byte header)
        byte[] payload = new Payload(16).u16(0, 12).u8(4, 0x01).u8(8, 0x42).bytes();

        assertThat(command("tunnel-management").response().decode(payload)).containsExactly(
                entry("response-length", 12L), entry("message", "010000004200000000000000"));
    }
}
