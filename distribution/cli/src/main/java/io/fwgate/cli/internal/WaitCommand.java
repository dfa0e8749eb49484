package io.fwgate.cli.internal;

import java.util.concurrent.Callable;

import io.fwgate.platform.CallException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fwgate wait HANDLE}: follows a background operation that {@code call --no-wait} started. */
@Command(name = "wait", description = "Follow a background operation started by 'fwgate call --no-wait' until "
        + "it ends, or until it makes no progress for --wait-timeout: a progress bar on a terminal, progress "
        + "lines with --json.")
final class WaitCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Mixin
    WaitOptions waiting;

    @Parameters(index = "0", paramLabel = "HANDLE", description = "The handle 'call --no-wait' printed, "
            + "DEVICE:OPCODE:AUDIT-SEQUENCE, e.g. emu:mem0:0x4400:17.")
    String handle;

    @Spec
    CommandSpec spec;

    private final Context context;

    WaitCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CallException, CliFailure {
        Handle parsed;
        try {
            parsed = Handle.parse(handle);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return new Background(context, options.json, waiting.timeout).follow(context.caller(), parsed).code();
    }
}
