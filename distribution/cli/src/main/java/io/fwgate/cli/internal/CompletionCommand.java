package io.fwgate.cli.internal;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fwgate completion bash}: a bash completion script generated from this very command tree. */
@Command(name = "completion", description = { "Print a shell completion script generated from fwgate's commands "
        + "and options.", "Install: fwgate completion bash > /etc/bash_completion.d/fwgate, or for this shell: "
                + "source <(fwgate completion bash)" })
final class CompletionCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SHELL", description = "The shell: bash (zsh reads it too, through "
            + "bashcompinit).")
    String shell;

    @Spec
    CommandSpec spec;

    private final Context context;

    CompletionCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!"bash".equals(shell)) {
            throw new ParameterException(spec.commandLine(), "no completion for shell '" + shell + "': only bash");
        }
        context.out().print(AutoComplete.bash("fwgate", spec.root().commandLine()));
        return ExitCode.SUCCESS.code();
    }
}
