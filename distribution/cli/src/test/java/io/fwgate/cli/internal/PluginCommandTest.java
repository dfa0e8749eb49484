package io.fwgate.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginCommandTest {
    private final FakeGateway gateway = new FakeGateway();

    @Test
    void lintReportsFindingsWithTheirPlaceAndFailsOnErrors(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("t.json");
        // a vendor table (it names a PCI vendor) using a spec opcode, and a level below its effects
        Files.writeString(table, "{\"format\":1,\"vendor\":\"v\",\"match\":{\"kinds\":[\"cxl-memory-device\"],"
                + "\"pci-vendor-ids\":[\"0xacec\"]},\"commands\":[{\"name\":\"wipe\",\"opcode\":\"0x4400\","
                + "\"description\":\"d\",\"effects\":[\"data-change-immediate\"],\"level\":\"telemetry\","
                + "\"request\":{\"size\":0,\"fields\":[]},\"response\":{\"max-size\":0,\"fields\":[]}}]}");
        Run run = Run.of(gateway, "plugin", "lint", table.toString());
        assertThat(run.exit()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(run.out()).contains("/commands/0").contains("ERROR").contains("level-contradicts-effects");
    }

    @Test
    void aCleanTableLintsWithExitZeroAndPluginAloneIsAUsageError(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("ok.json");
        Files.writeString(table, "{\"format\":1,\"vendor\":\"v\",\"match\":{\"kinds\":[\"cxl-memory-device\"]},"
                + "\"commands\":[{\"name\":\"health\",\"opcode\":\"0x4200\",\"description\":\"d\",\"effects\":[],"
                + "\"level\":\"telemetry\",\"request\":{\"size\":0,\"fields\":[]},\"response\":{\"max-size\":0,"
                + "\"fields\":[]}}]}");
        Run run = Run.of(gateway, "plugin", "lint", table.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("no findings");
        assertThat(Run.of(gateway, "plugin").exit()).isEqualTo(ExitCode.USAGE.code());
    }
}
