package io.fwgate.cli.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code fwgate} command. Its options were already applied by the launcher before the
 * framework started (they decide how the platform boots); they are declared here so that {@code --help}
 * documents them and picocli rejects malformed ones.
 */
@Command(name = "fwgate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run vendor device commands through one permission gate, with an audit trail.",
        footerHeading = "%nEnvironment:%n",
        footer = { "  FWGATE_CONFIG  default for --config", "  FWGATE_STATE   default for --state" })
final class RootCommand implements Callable<Integer> {
    @Option(names = "--emulated", description = "Add the emulated CXL memory device emu:mem0.")
    boolean emulated;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "${env:FWGATE_CONFIG:-/etc/fwgate}",
            description = "Configuration directory (policy.json, role). Default: ${DEFAULT-VALUE}")
    Path config;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = "${env:FWGATE_STATE:-/var/lib/fwgate}",
            description = "State directory (audit log, taint flag). Default: ${DEFAULT-VALUE}")
    Path state;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
