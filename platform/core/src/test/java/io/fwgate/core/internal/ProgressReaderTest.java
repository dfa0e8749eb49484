package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceKind;
import io.fwgate.platform.BackgroundProgress;

class ProgressReaderTest {
    @Test
    void cxlBackgroundOperationStatusGivesRunningAndPercent() throws Exception {
        // byte 0 = 40% << 1 | in progress; opcode 4400h at 2
        byte[] running = { (byte) (40 << 1 | 1), 0, 0x00, 0x44, 0, 0, 0, 0 };
        assertThat(ProgressReader.cxl(DeviceKind.CXL_MEMORY_DEVICE, running))
                .isEqualTo(new BackgroundProgress(true, 40, 0x4400, 0, "running"));
        byte[] done = { (byte) (100 << 1), 0, 0x00, 0x44, 0x00, 0x00, 0, 0 };
        assertThat(ProgressReader.cxl(DeviceKind.CXL_MEMORY_DEVICE, done))
                .isEqualTo(new BackgroundProgress(false, 100, 0x4400, 0, "success"));
        byte[] failed = { (byte) (100 << 1), 0, 0x00, 0x44, 0x07, 0x00, 0, 0 };
        assertThat(ProgressReader.cxl(DeviceKind.CXL_MEMORY_DEVICE, failed).statusName()).isEqualTo("media-disabled");
        assertThatThrownBy(() -> ProgressReader.cxl(DeviceKind.CXL_MEMORY_DEVICE, new byte[3])).hasMessageContaining("shorter");
    }

    @Test
    void nvmeSanitizeStatusGivesProgressInSixtyFiveThousandths() throws Exception {
        byte[] log = new byte[512];
        log[0] = 0x00; // SPROG = 0x8000: half way
        log[1] = (byte) 0x80;
        log[2] = 0x02; // SSTAT: in progress
        assertThat(ProgressReader.nvme(log)).isEqualTo(new BackgroundProgress(true, 50, 0x84, 0, "running"));
        log[2] = 0x01;
        assertThat(ProgressReader.nvme(log).running()).isFalse();
        assertThat(ProgressReader.nvme(log).statusName()).isEqualTo("success");
        log[2] = 0x03;
        assertThat(ProgressReader.nvme(log).status()).isEqualTo(0x001c);
    }
}
