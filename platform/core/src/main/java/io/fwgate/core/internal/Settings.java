package io.fwgate.core.internal;

import java.nio.file.Path;

/**
 * Where fwgate keeps its configuration and state, and the policy read from there once at start.
 * Immutable after construction.
 */
final class Settings {
    static final String STATE_PROPERTY = "fwgate.state";
    static final String CONFIG_PROPERTY = "fwgate.config";
    static final String DEFAULT_STATE = "/var/lib/fwgate";
    static final String DEFAULT_CONFIG = "/etc/fwgate";

    private final Path configDir;
    private final Path stateDir;
    private final Policy policy;
    private final InvalidConfigException policyError;

    Settings(Path configDir, Path stateDir, PolicyLoader loader) {
        this.configDir = configDir;
        this.stateDir = stateDir;
        Policy loaded = null;
        InvalidConfigException error = null;
        try {
            loaded = loader.load(configDir);
        } catch (InvalidConfigException e) {
            error = e;
        }
        this.policy = loaded;
        this.policyError = error;
    }

    static Settings fromProperties(String config, String state) {
        return new Settings(Path.of(config == null ? DEFAULT_CONFIG : config).toAbsolutePath(),
                Path.of(state == null ? DEFAULT_STATE : state).toAbsolutePath(), new PolicyLoader(UnixNames.ofHost()));
    }

    Path configDir() {
        return configDir;
    }

    Path stateDir() {
        return stateDir;
    }

    /**
     * @return the policy in force
     * @throws InvalidConfigException if the policy files are invalid: deny everything then
     */
    Policy policy() throws InvalidConfigException {
        if (policyError != null) {
            throw policyError;
        }
        return policy;
    }

    /** @return the plugin caps in force; the defaults when the policy is invalid (it refuses every call anyway) */
    PluginCaps caps() {
        return policy == null ? PluginCaps.DEFAULT : policy.caps();
    }
}
