package io.fwgate.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The global options that decide how fwgate runs, found by a pre-scan of the command line before anything
 * starts: whether a daemon may serve the command (client mode, no framework) or the platform must run in
 * this process, and what the platform boots with. The CLI parses the same options again, strictly, for
 * help and validation; this scan only looks at the tokens before the first non-option token (the
 * subcommand) and leaves anything malformed for the CLI to report.
 *
 * @param emulated {@code --emulated}: add the emulated devices (implies in-process)
 * @param direct {@code --direct}: run in-process even when a daemon answers
 * @param state {@code --state DIR}, else the environment's {@code FWGATE_STATE}, as an absolute path
 * @param config {@code --config DIR}, else the environment's {@code FWGATE_CONFIG}, as an absolute path
 * @param socket {@code --socket PATH}, else the environment's {@code FWGATE_SOCKET}, as an absolute path
 * @param dev {@code --dev DIR}: the deployer's development directory (implies in-process)
 * @param deploy {@code --deploy DIR}: the deployer's directory of signed bundles (implies in-process)
 * @param command the subcommand, if any
 */
record LaunchOptions(boolean emulated, boolean direct, Optional<String> state, Optional<String> config,
        Optional<String> socket, Optional<String> dev, Optional<String> deploy, Optional<String> command) {
    static final String EMULATED_PROPERTY = "fwgate.emulated";
    static final String STATE_PROPERTY = "fwgate.state";
    static final String CONFIG_PROPERTY = "fwgate.config";
    static final String DEV_PROPERTY = "fwgate.dev";
    static final String DEPLOY_PROPERTY = "fwgate.deploy";
    /** The core's state directory when none is given. */
    static final String DEFAULT_STATE = "/var/lib/fwgate";
    /** The socket's name in the state directory when none is given. */
    static final String SOCKET_NAME = "fwgate.sock";
    static final String DAEMON_COMMAND = "daemon";
    private static final Set<String> WITH_VALUE = Set.of("--state", "--config", "--socket", "--dev", "--deploy");

    /**
     * @param args the command line as given
     * @param env the process environment
     * @return the options found
     */
    static LaunchOptions scan(String[] args, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean emulated = false;
        boolean direct = false;
        int i = 0;
        for (; i < args.length && args[i].startsWith("-") && !args[i].equals("--"); i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (arg.equals("--emulated")) {
                emulated = true;
            } else if (arg.equals("--direct")) {
                direct = true;
            } else if (WITH_VALUE.contains(name) && equals > 0) {
                values.put(name, arg.substring(equals + 1));
            } else if (WITH_VALUE.contains(arg) && i + 1 < args.length) {
                values.put(arg, args[++i]);
            }
        }
        Optional<String> command = i < args.length && !args[i].startsWith("-") ? Optional.of(args[i])
                : Optional.empty();
        return new LaunchOptions(emulated, direct, path(values.get("--state"), env.get("FWGATE_STATE")),
                path(values.get("--config"), env.get("FWGATE_CONFIG")),
                path(values.get("--socket"), env.get("FWGATE_SOCKET")), path(values.get("--dev"), null),
                path(values.get("--deploy"), null), command);
    }

    private static Optional<String> path(String option, String env) {
        String chosen = option != null ? option : env;
        if (chosen == null || chosen.isEmpty()) {
            return Optional.empty();
        }
        // the platform resolves relative paths too, but against its own idea of the working directory
        return Optional.of(Path.of(chosen).toAbsolutePath().toString());
    }

    /** {@code fwgate plugin ...} works on files, offline: it never needs a daemon. */
    static final String OFFLINE_COMMAND = "plugin";

    /** @return true for {@code fwgate daemon}: the platform runs here and serves the socket */
    boolean daemon() {
        return command.filter(DAEMON_COMMAND::equals).isPresent();
    }

    /**
     * @return true if the command must run in this process: asked for, or it needs what only an in-process
     *         platform has (emulated devices, plugin directories), or it is the daemon itself
     */
    boolean inProcess() {
        return direct || emulated || dev.isPresent() || deploy.isPresent() || daemon()
                || command.filter(OFFLINE_COMMAND::equals).isPresent();
    }

    /** @return where a daemon would listen: {@code --socket}, else FWGATE_SOCKET, else in the state directory */
    Path daemonSocket() {
        return Path.of(socket.orElseGet(() -> Path.of(state.orElse(DEFAULT_STATE), SOCKET_NAME).toString()));
    }

    /** @return the framework properties through which the platform bundles read these options */
    Map<String, String> frameworkProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(EMULATED_PROPERTY, Boolean.toString(emulated));
        state.ifPresent(dir -> properties.put(STATE_PROPERTY, dir));
        config.ifPresent(dir -> properties.put(CONFIG_PROPERTY, dir));
        dev.ifPresent(dir -> properties.put(DEV_PROPERTY, dir));
        deploy.ifPresent(dir -> properties.put(DEPLOY_PROPERTY, dir));
        return properties;
    }
}
