package io.fwgate.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LinuxSettingsTest {
    @Test
    void defaultsReachRealDevicesThroughTheRealSysfs() {
        LinuxSettings settings = LinuxSettings.from(name -> null);

        assertThat(settings).isEqualTo(new LinuxSettings(true, Path.of("/sys"), "", 5000, 0));
    }

    @Test
    void readsEachProperty() {
        Map<String, String> properties = Map.of(LinuxSettings.ENABLED, "false", LinuxSettings.SYSFS, "/tmp/sys",
                LinuxSettings.MCTP_ENDPOINTS, " 1,8 ", LinuxSettings.MCTP_TIMEOUT, "250",
                LinuxSettings.NVME_TIMEOUT, "30000");

        LinuxSettings settings = LinuxSettings.from(properties::get);

        assertThat(settings).isEqualTo(new LinuxSettings(false, Path.of("/tmp/sys"), "1,8", 250, 30000));
    }

    @Test
    void namesAMalformedTimeout() {
        assertThatThrownBy(() -> LinuxSettings.from(Map.of(LinuxSettings.NVME_TIMEOUT, "soon")::get))
                .hasMessageContaining(LinuxSettings.NVME_TIMEOUT).hasMessageContaining("soon");
        assertThatThrownBy(() -> LinuxSettings.from(Map.of(LinuxSettings.MCTP_TIMEOUT, "0")::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
