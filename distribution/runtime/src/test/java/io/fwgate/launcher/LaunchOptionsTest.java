package io.fwgate.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    private static final Map<String, String> NO_ENV = Map.of();

    private static LaunchOptions scan(Map<String, String> env, String... args) {
        return LaunchOptions.scan(args, env);
    }

    @Test
    void findsGlobalOptionsInBothSpellingsBeforeTheSubcommand() {
        LaunchOptions options = scan(NO_ENV, "--emulated", "--state", "/tmp/s", "--config=/tmp/c", "list");

        assertThat(options.emulated()).isTrue();
        assertThat(options.frameworkProperties()).containsExactly(Map.entry("fwgate.emulated", "true"),
                Map.entry("fwgate.state", "/tmp/s"), Map.entry("fwgate.config", "/tmp/c"));
    }

    @Test
    void ignoresTokensAfterTheSubcommand() {
        LaunchOptions options = scan(NO_ENV, "call", "emu:mem0", "identify", "--emulated", "--state", "/x");

        assertThat(options.frameworkProperties()).containsExactly(Map.entry("fwgate.emulated", "false"));
    }

    @Test
    void theValueOfAnOptionIsNotTakenForTheSubcommand() {
        LaunchOptions options = scan(NO_ENV, "--config", "list", "--emulated", "status");

        assertThat(options.config().orElseThrow()).isEqualTo(Path.of("list").toAbsolutePath().toString());
        assertThat(options.emulated()).isTrue();
    }

    @Test
    void environmentGivesDefaultsAndOptionsWin() {
        Map<String, String> env = Map.of("FWGATE_STATE", "/env/state", "FWGATE_CONFIG", "/env/config");

        assertThat(scan(env, "list").frameworkProperties()).containsEntry("fwgate.state", "/env/state")
                .containsEntry("fwgate.config", "/env/config");
        assertThat(scan(env, "--state=/opt/s", "list").state()).contains("/opt/s");
    }

    @Test
    void relativeDirectoriesBecomeAbsolute() {
        assertThat(scan(NO_ENV, "--state", "run/state").state())
                .contains(Path.of("run/state").toAbsolutePath().toString());
    }

    @Test
    void aTrailingOptionWithoutValueIsLeftForTheCliToReport() {
        LaunchOptions options = scan(Map.of("FWGATE_STATE", "/env/state"), "--state");

        assertThat(options.state()).contains("/env/state");
    }

    @Test
    void emptyEnvironmentValuesAreUnset() {
        assertThat(scan(Map.of("FWGATE_STATE", ""), "list").frameworkProperties()).doesNotContainKey("fwgate.state");
    }

    @Test
    void findsTheSubcommandAndWhatForcesAnInProcessPlatform() {
        assertThat(scan(NO_ENV, "--state", "/s", "list").command()).contains("list");
        assertThat(scan(NO_ENV, "--state", "/s", "list").inProcess()).isFalse();
        assertThat(scan(NO_ENV, "--direct", "list").inProcess()).isTrue();
        assertThat(scan(NO_ENV, "--emulated", "list").inProcess()).isTrue();
        assertThat(scan(NO_ENV, "--dev=/d", "list").inProcess()).isTrue();
        assertThat(scan(NO_ENV, "--deploy", "/p", "list").inProcess()).isTrue();
        assertThat(scan(NO_ENV, "--socket", "/run/x.sock", "daemon").daemon()).isTrue();
        assertThat(scan(NO_ENV, "daemon").inProcess()).isTrue();
        assertThat(scan(NO_ENV, "--help").command()).isEmpty();
    }

    @Test
    void theDaemonSocketIsTheOptionElseTheEnvironmentElseInTheStateDirectory() {
        assertThat(scan(NO_ENV, "--socket", "/run/fwgate/f.sock", "list").daemonSocket())
                .isEqualTo(Path.of("/run/fwgate/f.sock"));
        assertThat(scan(Map.of("FWGATE_SOCKET", "/env.sock"), "list").daemonSocket()).isEqualTo(Path.of("/env.sock"));
        assertThat(scan(Map.of("FWGATE_STATE", "/st"), "list").daemonSocket()).isEqualTo(Path.of("/st/fwgate.sock"));
        assertThat(scan(NO_ENV, "list").daemonSocket()).isEqualTo(Path.of("/var/lib/fwgate/fwgate.sock"));
    }

    @Test
    void pluginDirectoriesBecomeFrameworkPropertiesForTheDeployer() {
        assertThat(scan(NO_ENV, "--dev", "/work/plugins", "--deploy=/srv/bundles", "list").frameworkProperties())
                .containsEntry("fwgate.dev", "/work/plugins").containsEntry("fwgate.deploy", "/srv/bundles");
    }
}
