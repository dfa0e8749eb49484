package io.fwgate.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The global options that decide how the platform boots, found by a pre-scan of the command line before
 * the framework starts. The CLI parses the same options again, strictly, for help and validation; this
 * scan only looks at the tokens before the first non-option token (the subcommand) and leaves anything
 * malformed for the CLI to report.
 *
 * @param emulated {@code --emulated}: add the emulated devices
 * @param state {@code --state DIR}, else the environment's {@code FWGATE_STATE}, as an absolute path
 * @param config {@code --config DIR}, else the environment's {@code FWGATE_CONFIG}, as an absolute path
 */
record LaunchOptions(boolean emulated, Optional<String> state, Optional<String> config) {
    static final String EMULATED_PROPERTY = "fwgate.emulated";
    static final String STATE_PROPERTY = "fwgate.state";
    static final String CONFIG_PROPERTY = "fwgate.config";

    /**
     * @param args the command line as given
     * @param env the process environment
     * @return the options found
     */
    static LaunchOptions scan(String[] args, Map<String, String> env) {
        boolean emulated = false;
        String state = null;
        String config = null;
        for (int i = 0; i < args.length && args[i].startsWith("-") && !args[i].equals("--"); i++) {
            String arg = args[i];
            if (arg.equals("--emulated")) {
                emulated = true;
            } else if (arg.startsWith("--state=")) {
                state = arg.substring("--state=".length());
            } else if (arg.startsWith("--config=")) {
                config = arg.substring("--config=".length());
            } else if ((arg.equals("--state") || arg.equals("--config")) && i + 1 < args.length) {
                i++;
                if (arg.equals("--state")) {
                    state = args[i];
                } else {
                    config = args[i];
                }
            }
        }
        return new LaunchOptions(emulated, directory(state, env.get("FWGATE_STATE")),
                directory(config, env.get("FWGATE_CONFIG")));
    }

    private static Optional<String> directory(String option, String env) {
        String chosen = option != null ? option : env;
        if (chosen == null || chosen.isEmpty()) {
            return Optional.empty();
        }
        // the platform resolves relative paths too, but against its own idea of the working directory
        return Optional.of(Path.of(chosen).toAbsolutePath().toString());
    }

    /** @return the framework properties through which the platform bundles read these options */
    Map<String, String> frameworkProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(EMULATED_PROPERTY, Boolean.toString(emulated));
        state.ifPresent(dir -> properties.put(STATE_PROPERTY, dir));
        config.ifPresent(dir -> properties.put(CONFIG_PROPERTY, dir));
        return properties;
    }
}
