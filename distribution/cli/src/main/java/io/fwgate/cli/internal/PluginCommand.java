package io.fwgate.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.fwgate.kit.Linter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code fwgate plugin lint FILE|BUNDLE}: offline checks for plugin authors and distributions. */
@Command(name = "plugin", description = "Work with plugin files offline (no daemon, no device).",
        subcommands = PluginCommand.Lint.class)
final class PluginCommand implements Callable<Integer> {
    private final Context context;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    PluginCommand(Context context) {
        this.context = context;
    }

    /** {@code fwgate plugin} alone: say which subcommands there are. */
    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: lint");
    }

    /** Lints a command table (JSON), an emulation profile, or every table a bundle lists. */
    @Command(name = "lint", description = { "Check a command table, an emulation profile or a plugin bundle: "
            + "duplicate names or opcodes, opcodes outside the vendor range claimed as vendor-defined, effects "
            + "and levels that contradict each other, overlapping or out-of-range fields, decoders that read "
            + "past the payload.", "Each finding names its place (file, line, JSON pointer). Exit 1 when any "
                    + "finding is an error, 0 with warnings only." })
    static final class Lint implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE|BUNDLE", description = "A table or profile (.json) or a "
                + "bundle (.jar).")
        Path file;

        @Mixin
        CommonOptions common;

        @picocli.CommandLine.ParentCommand
        PluginCommand parent;

        @Override
        public Integer call() {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            int status;
            try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
                status = Linter.report(file, common.json, out);
            }
            parent.context.out().print(buffer.toString(StandardCharsets.UTF_8));
            return status == Linter.EXIT_OK ? ExitCode.SUCCESS.code() : ExitCode.FAILURE.code();
        }
    }
}
