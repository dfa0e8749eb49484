package io.fwgate.api;

/**
 * How a bundle offers command tables to the platform's extender: it lists table resources in the
 * {@link #HEADER} manifest header and requires the {@code osgi.extender} capability
 * {@link #EXTENDER} so that it only resolves where a platform reads them.
 */
public final class CommandTables {
    /** Manifest header listing the bundle's command table resources, comma separated. */
    public static final String HEADER = "Fwgate-Command-Tables";
    /** Name of the {@code osgi.extender} capability the platform provides. */
    public static final String EXTENDER = "io.fwgate.commands";
    /** Version of the table format and extender contract. */
    public static final String EXTENDER_VERSION = "1.0.0";

    private CommandTables() {
    }
}
