package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.api.DeviceId;
import io.fwgate.emulator.kit.EmulatedFabric;
import io.fwgate.platform.CallResult;

/** The benchmarks measure the real call path: the gate decides, the audit records, the device answers. */
class BenchPlatformTest {
    private static final DeviceId MEM0 = new DeviceId("emu", "mem0");

    @TempDir
    Path work;

    @Test
    void aDurableCallIsDecodedAndLeavesItsDecisionAndResultInTheAuditLog() throws Exception {
        try (BenchPlatform platform = BenchPlatform.start(EmulatedFabric.create(List.of()), 0, BenchPlatform.Audit.DURABLE,
                work)) {
            CallResult result = platform.call(MEM0, "get-health-info");

            assertThat(result.ok()).isTrue();
            assertThat(result.opcode()).isEqualTo(0x4200);
            // the emulator's documented health: 3% life used, 38 °C
            assertThat(result.response()).containsEntry("life-used-percent", 3L)
                    .containsEntry("device-temperature-celsius", 38L);
        }
        List<Map<String, Object>> records = new AuditLog(work.resolve("state"), Clock.systemUTC()).trail().records(0);
        assertThat(records).extracting(r -> r.get("decision"), r -> r.get("result"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("allowed", null),
                        org.assertj.core.groups.Tuple.tuple(null, "success"));
    }

    @Test
    void throughTheDeadlinesSenderThreadTheCallAnswersTheSame() throws Exception {
        try (BenchPlatform platform = BenchPlatform.start(EmulatedFabric.create(List.of()), 0, BenchPlatform.Audit.OFF,
                BenchPlatform.Sends.WITH_DEADLINE, work)) {
            assertThat(platform.call(MEM0, "get-health-info").response()).containsEntry("life-used-percent", 3L);
        }
    }

    @Test
    void withTheAuditOffNothingIsWritten() throws Exception {
        try (BenchPlatform platform = BenchPlatform.start(EmulatedFabric.create(List.of()), 0, BenchPlatform.Audit.OFF,
                work)) {
            assertThat(platform.call(MEM0, "get-health-info").ok()).isTrue();
        }
        assertThat(Files.exists(work.resolve("state").resolve(AuditLog.LOG_FILE))).isFalse();
    }

    @Test
    void generatedPluginsAreAdmittedBesideTheShippedTable() throws Exception {
        try (BenchPlatform platform = BenchPlatform.start(EmulatedFabric.create(List.of()), 100, BenchPlatform.Audit.OFF,
                work)) {
            assertThat(platform.plugins()).isEqualTo(101);
            assertThat(platform.commands(MEM0)).contains("get-health-info", "bench-counters-000", "bench-counters-099");
            assertThat(platform.request(MEM0, "get-health-info").opcode()).isEqualTo(0x4200);
        }
    }
}
