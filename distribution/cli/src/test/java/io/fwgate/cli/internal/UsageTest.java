package io.fwgate.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageTest {
    private final FakeGateway gateway = new FakeGateway();

    @Test
    void malformedDeviceIdIsAUsageErrorWithAHint() {
        Run run = Run.of(gateway, "call", "mem0", "identify");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(2);
        assertThat(run.err()).startsWith("fwgate: ").contains("'mem0' is not of the form <transport>:<address>")
                .contains("see 'fwgate call --help'");
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void argumentWithoutEqualsIsAUsageError() {
        Run run = Run.of(gateway, "call", "emu:mem0", "get-lsa", "--arg", "length");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("fwgate: ").contains("KEY=VALUE");
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void unknownOptionAndMissingCommandAreUsageErrors() {
        assertThat(Run.of(gateway, "list", "--frobnicate").exit()).isEqualTo(2);
        assertThat(Run.of(gateway, "call", "emu:mem0").exit()).isEqualTo(2);
        assertThat(Run.of(gateway, "frobnicate").exit()).isEqualTo(2);
        Run none = Run.of(gateway);
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err())
                .startsWith("fwgate: missing command: one of list, commands, call, wait, plugins, audit, status, daemon, "
                        + "completion, plugin, help");
    }

    @Test
    void globalOptionsAreAcceptedBeforeTheSubcommand() {
        Run run = Run.of(gateway, "--emulated", "--state", "/tmp/s", "--config=/tmp/c", "list");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("emu:mem0");
    }

    @Test
    void helpListsSubcommandsGlobalOptionsAndEveryExitCode() {
        Run run = Run.of(gateway, "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("list", "commands", "call", "wait", "plugins", "audit", "status", "daemon",
                "completion", "--emulated", "--direct", "--config", "--state", "--socket", "--dev", "--deploy",
                "FWGATE_STATE", "FWGATE_SOCKET");
        for (ExitCode code : ExitCode.values()) {
            assertThat(run.out()).containsPattern("(?m)^\\s+" + code.code() + "\\s+\\S");
        }
    }

    @Test
    void subcommandHelpShowsItsOptions() {
        Run run = Run.of(gateway, "call", "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--arg", "--confirm", "--json", "DEVICE", "COMMAND");
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void versionPrintsTheBundleVersion() {
        Run run = Run.of(gateway, "--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("fwgate 1.2.3\n");
    }
}
