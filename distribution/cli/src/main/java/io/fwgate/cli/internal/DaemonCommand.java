package io.fwgate.cli.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.fwgate.daemon.DaemonSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fwgate daemon}: serves the platform on the socket in the foreground until SIGTERM. Each limit
 * comes from its option, else its framework property ({@value DaemonSettings#PREFIX}NAME), else the
 * built-in default.
 */
@Command(name = "daemon", description = { "Serve fwgate on a Unix socket in the foreground (fwgated), for "
        + "clients of any user: the kernel names each caller (SO_PEERCRED), the gate decides.",
        "Prints 'fwgate daemon ready: SOCKET' (and tells systemd READY=1) when it accepts connections; SIGTERM "
                + "lets calls in flight finish, then stops.",
        "Each option's default comes from the framework property fwgate.daemon.NAME when set." })
final class DaemonCommand implements Callable<Integer> {
    @Option(names = "--socket-group", paramLabel = "NAME",
            description = "Group of the socket file, when it exists. Default: " + DaemonSettings.DEFAULT_GROUP)
    String socketGroup;

    @Option(names = "--socket-mode", paramLabel = "MODE",
            description = "Mode of the socket file: who may connect. Default: " + DaemonSettings.DEFAULT_MODE)
    String socketMode;

    @Option(names = "--max-request-bytes", paramLabel = "N",
            description = "Longest request accepted. Default: " + DaemonSettings.DEFAULT_MAX_REQUEST_BYTES)
    Long maxRequestBytes;

    @Option(names = "--read-timeout-ms", paramLabel = "MS", description = "Time a request may take from its first "
            + "byte to its end. Default: " + DaemonSettings.DEFAULT_READ_TIMEOUT_MILLIS)
    Long readTimeoutMillis;

    @Option(names = "--idle-timeout-ms", paramLabel = "MS", description = "Time a connection may stay silent "
            + "between requests. Default: " + DaemonSettings.DEFAULT_IDLE_TIMEOUT_MILLIS)
    Long idleTimeoutMillis;

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Connections served at once. Default: " + DaemonSettings.DEFAULT_MAX_CONNECTIONS)
    Long maxConnections;

    @Option(names = "--stop-timeout-ms", paramLabel = "MS", description = "Time calls in flight get to finish "
            + "when the daemon stops. Default: " + DaemonSettings.DEFAULT_STOP_TIMEOUT_MILLIS)
    Long stopTimeoutMillis;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    private final Context context;

    DaemonCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return context.environment().daemon().run(context.gateway(), settings(), context.out(), context.err());
    }

    /**
     * @return the settings: options over framework properties over defaults
     * @throws ParameterException if a value is out of range or malformed
     */
    DaemonSettings settings() {
        Map<String, String> given = new HashMap<>();
        put(given, "socket-group", socketGroup);
        put(given, "socket-mode", socketMode);
        put(given, "max-request-bytes", maxRequestBytes);
        put(given, "read-timeout-ms", readTimeoutMillis);
        put(given, "idle-timeout-ms", idleTimeoutMillis);
        put(given, "max-connections", maxConnections);
        put(given, "stop-timeout-ms", stopTimeoutMillis);
        try {
            return DaemonSettings.fromProperties(root.socket().toAbsolutePath(),
                    name -> given.containsKey(name) ? given.get(name) : context.environment().properties().apply(name));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void put(Map<String, String> given, String name, Object value) {
        if (value != null) {
            given.put(DaemonSettings.PREFIX + name, value.toString());
        }
    }
}
