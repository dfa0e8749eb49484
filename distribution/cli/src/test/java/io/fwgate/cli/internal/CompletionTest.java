package io.fwgate.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Shell completion and the help command come from the same command tree as parsing. */
class CompletionTest {
    private final FakeGateway gateway = new FakeGateway();

    @Test
    void bashCompletionNamesEverySubcommandAndTheirOptions() {
        Run run = Run.of(gateway, "completion", "bash");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("complete -F _complete_fwgate", "list", "commands", "call", "wait", "daemon",
                "--no-wait", "--confirm", "--socket", "--direct", "--max-connections");
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void onlyBashIsOffered() {
        Run run = Run.of(gateway, "completion", "fish");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no completion for shell 'fish': only bash");
    }

    @Test
    void helpCommandShowsACommandsUsage() {
        Run run = Run.of(gateway, "help", "call");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: fwgate call", "--no-wait", "--arg");
    }
}
