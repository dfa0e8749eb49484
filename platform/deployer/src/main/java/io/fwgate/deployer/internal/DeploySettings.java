package io.fwgate.deployer.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the deployer looks and how patient it is, from framework properties (set by the launcher):
 * <ul>
 * <li>{@code fwgate.state}: the state directory, default {@code /var/lib/fwgate};</li>
 * <li>{@code fwgate.deploy}: the watched deploy directory, default {@code <state>/deploy};</li>
 * <li>{@code fwgate.config}: the configuration directory holding the trust store, vetted set, deny list
 * and dev policy, default {@code /etc/fwgate};</li>
 * <li>{@code fwgate.dev}: a developer's directory of unsigned bundles; set, it turns dev mode on;</li>
 * <li>{@code fwgate.deploy.max-bytes}, {@code .max-entries}, {@code .max-inflated-bytes},
 * {@code .max-ratio}: the {@link Limits};</li>
 * <li>{@code fwgate.deploy.settle-ms}: how long a file must stay unchanged before it is read (default 100).</li>
 * </ul>
 * Immutable.
 *
 * @param deployDir the deploy directory
 * @param devDir the dev directory, present in dev mode
 * @param configDir the configuration directory
 * @param stagingDir where staged copies live, {@code <state>/deploy-staging}
 * @param limits bounds on what is read
 * @param settleMillis the settle interval
 * @param curatedDir a distribution's directory of curated signed bundles ({@code fwgate.plugins}, e.g.
 *        {@code /usr/share/fwgate/plugins}), verified exactly as the deploy directory's
 */
record DeploySettings(Path deployDir, Optional<Path> devDir, Path configDir, Path stagingDir, Limits limits,
        long settleMillis, Optional<Path> curatedDir) {

    DeploySettings(Path deployDir, Optional<Path> devDir, Path configDir, Path stagingDir, Limits limits,
            long settleMillis) {
        this(deployDir, devDir, configDir, stagingDir, limits, settleMillis, Optional.empty());
    }

    static final String STATE = "fwgate.state";
    static final String DEPLOY = "fwgate.deploy";
    static final String CONFIG = "fwgate.config";
    static final String DEV = "fwgate.dev";
    static final String CURATED = "fwgate.plugins";
    static final String PREFIX = "fwgate.deploy.";
    static final long DEFAULT_SETTLE_MILLIS = 100;

    /**
     * @param property reads a framework property, null if unset
     * @return the settings
     * @throws IllegalArgumentException naming a property whose value is not a positive number
     */
    static DeploySettings from(UnaryOperator<String> property) {
        Path state = absolute(property.apply(STATE), "/var/lib/fwgate");
        Path deploy = absolute(property.apply(DEPLOY), state.resolve("deploy").toString());
        Path config = absolute(property.apply(CONFIG), "/etc/fwgate");
        String dev = property.apply(DEV);
        Optional<Path> devDir = dev == null || dev.isBlank() ? Optional.empty() : Optional.of(absolute(dev, dev));
        Limits defaults = Limits.DEFAULT;
        Limits limits = new Limits(number(property, "max-bytes", defaults.maxFileBytes()),
                (int) number(property, "max-entries", defaults.maxEntries()),
                number(property, "max-inflated-bytes", defaults.maxTotalBytes()),
                (int) number(property, "max-ratio", defaults.maxRatio()), defaults.maxMetadataBytes());
        String curated = property.apply(CURATED);
        Optional<Path> curatedDir = curated == null || curated.isBlank() ? Optional.empty()
                : Optional.of(absolute(curated, curated));
        return new DeploySettings(deploy, devDir, config, state.resolve("deploy-staging"), limits,
                number(property, "settle-ms", DEFAULT_SETTLE_MILLIS), curatedDir);
    }

    private static Path absolute(String value, String fallback) {
        return Path.of(value == null || value.isBlank() ? fallback : value).toAbsolutePath().normalize();
    }

    private static long number(UnaryOperator<String> property, String name, long fallback) {
        String value = property.apply(PREFIX + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            number = 0;
        }
        long max = name.endsWith("bytes") || name.endsWith("ms") ? Long.MAX_VALUE : Integer.MAX_VALUE;
        if (number > 0 && number <= max) {
            return number;
        }
        throw new IllegalArgumentException("the framework property " + PREFIX + name + " must be a positive number, not '"
                + value + "'");
    }
}
