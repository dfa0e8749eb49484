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
 * platform started or a daemon was contacted (they decide which of the two happens); they are declared
 * here so that {@code --help} documents them and picocli rejects malformed ones.
 */
@Command(name = "fwgate", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Run vendor device commands through one permission gate, with an audit trail.",
                "When a daemon answers on the socket, commands go to it (it identifies you by the kernel's "
                        + "peer credentials); otherwise, or with --direct, fwgate runs in-process with your own "
                        + "device permissions. Output and exit codes are the same either way." },
        footerHeading = "%nEnvironment:%n",
        footer = { "  FWGATE_CONFIG  default for --config", "  FWGATE_STATE   default for --state",
                "  FWGATE_SOCKET  default for --socket",
                "%nSee 'fwgate help COMMAND' for a command's options, 'fwgate completion bash' for completion." })
final class RootCommand implements Callable<Integer> {
    /** The socket's name in the state directory when neither --socket nor FWGATE_SOCKET names one. */
    static final String SOCKET_NAME = "fwgate.sock";

    @Option(names = "--emulated", description = "Add the emulated devices (emu:mem0, emu:nvme0). Implies --direct: "
            + "a daemon has its own devices.")
    boolean emulated;

    @Option(names = "--direct", description = "Run in this process with your own permissions, even when a daemon "
            + "answers on the socket.")
    boolean direct;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "${env:FWGATE_CONFIG:-/etc/fwgate}",
            description = "Configuration directory (policy.json, role). Default: ${DEFAULT-VALUE}")
    Path config;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = "${env:FWGATE_STATE:-/var/lib/fwgate}",
            description = "State directory (audit log, taint flag). Default: ${DEFAULT-VALUE}")
    Path state;

    @Option(names = "--socket", paramLabel = "PATH", defaultValue = "${env:FWGATE_SOCKET}",
            description = "The daemon's socket, to serve on or to connect to. Default: <state>/" + SOCKET_NAME)
    Path socket;

    @Option(names = "--dev", paramLabel = "DIR", description = "Development plugin directory, loaded without "
            + "signature checks and reloaded on change. Implies --direct.")
    Path dev;

    @Option(names = "--deploy", paramLabel = "DIR", description = "Directory of signed plugin bundles to deploy. "
            + "Implies --direct.")
    Path deploy;

    @Spec
    CommandSpec spec;

    /** @return the daemon's socket: --socket, else FWGATE_SOCKET, else fwgate.sock in the state directory */
    Path socket() {
        return socket != null ? socket : state.resolve(SOCKET_NAME);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
