package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fwgate.api.DeviceKind;
import io.fwgate.api.Effect;
import io.fwgate.platform.BackgroundProgress;
import io.fwgate.platform.CallException;
import io.fwgate.reliability.FuzzStats;

/**
 * The core's readers of what a device reports about itself, on arbitrary bytes: the CXL Command Effects
 * Log and Get Supported Logs, the NVMe Commands Supported and Effects log, and both background status
 * answers. Effects or "none", a progress or a {@link CallException}; nothing else.
 */
class DeviceLogsFuzzTest {
    private static final FuzzStats STATS = new FuzzStats("device-logs");

    @FuzzTest(maxDuration = "10s")
    void read(FuzzedDataProvider data) {
        STATS.tried();
        int which = data.consumeInt(0, 3);
        byte[] bytes = data.consumeRemainingAsBytes();
        switch (which) {
            case 0 -> onlyFamily(CelReader.parse(bytes), Effect.Family.CXL);
            case 1 -> assertThat(CelReader.celSize(bytes)).isBetween(-1L, 0xffffffffL);
            case 2 -> onlyFamily(NvmeEffectsReader.parse(bytes), Effect.Family.NVME);
            default -> progress(bytes);
        }
    }

    private static void onlyFamily(DeviceEffects effects, Effect.Family family) {
        assertThat(effects.source()).isNotBlank();
        for (Set<Effect> set : effects.byOpcode().values()) {
            assertThat(set).allMatch(e -> e.family() == family);
        }
        assertThat(effects.byOpcode().keySet()).allMatch(opcode -> opcode >= 0 && opcode <= 0xffff);
    }

    private static void progress(byte[] bytes) {
        try {
            check(ProgressReader.cxl(DeviceKind.CXL_MEMORY_DEVICE, bytes));
        } catch (CallException e) {
            assertThat(e.kind()).isEqualTo(CallException.Kind.DELIVERY_FAILED);
        }
        try {
            check(ProgressReader.nvme(bytes));
        } catch (CallException e) {
            assertThat(e.kind()).isEqualTo(CallException.Kind.DELIVERY_FAILED);
        }
    }

    private static void check(BackgroundProgress progress) {
        assertThat(progress.percent()).isBetween(0, 100);
        assertThat(progress.statusName()).isNotBlank();
    }

    @AfterAll
    static void report() {
        STATS.write();
    }
}
