package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.kit.CallOutcome;
import io.fwgate.kit.Linter;
import io.fwgate.kit.PluginHarness;
import io.fwgate.tables.InvalidArgumentException;

/**
 * Runs the plugin's commands against its emulated device, through the encoder and decoder the platform
 * uses. The expected values are the ones the emulation profile declares.
 */
class PluginTest {
    private static final String TABLE = "OSGI-INF/fwgate/${artifactId}.json";
    private static final String PROFILE = "OSGI-INF/fwgate/${artifactId}-emulation.json";
    private static final String DEVICE = "emu:${commandPrefix}-mem0";

    private final PluginHarness plugin = PluginHarness.builder().table(TABLE).profile(PROFILE).build();

    @Test
    void readsTheTemperature() throws Exception {
        CallOutcome outcome = plugin.call(DEVICE, "${commandPrefix}-get-temperature");

        assertThat(outcome.statusName()).isEqualTo("success");
        assertThat(outcome.values()).containsEntry("die-temperature-celsius", 41L)
                .containsEntry("fan-mode", "auto")
                .containsEntry("uptime-seconds", 3600L);
    }

    @Test
    void setsTheFanMode() throws Exception {
        CallOutcome set = plugin.call(DEVICE, "${commandPrefix}-set-fan-mode", Map.of("mode", "quiet"));

        assertThat(set.ok()).isTrue();
        assertThat(plugin.call(DEVICE, "${commandPrefix}-get-temperature").value("fan-mode")).isEqualTo("quiet");
    }

    @Test
    void refusesAModeTheTableDoesNotKnow() {
        assertThatThrownBy(() -> plugin.call(DEVICE, "${commandPrefix}-set-fan-mode", Map.of("mode", "turbo")))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void declaresTheLevelsTheGateWillAskFor() {
        assertThat(plugin.levelOf("${commandPrefix}-get-temperature")).isEqualTo(Level.TELEMETRY);
        assertThat(plugin.levelOf("${commandPrefix}-set-fan-mode")).isEqualTo(Level.CONFIGURATION);
        assertThat(plugin.reachOf("${commandPrefix}-set-fan-mode")).isEqualTo(Reach.DEVICE);
    }

    @Test
    void theTableIsLintClean() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(TABLE)) {
            assertThat(Linter.lint(TABLE, in.readAllBytes())).isEmpty();
        }
    }
}
