package io.fwgate.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.ParseResult;
import io.fwgate.tables.TableParser;

/**
 * A plugin's command table read from its resources and parsed as the platform parses it: what a plugin's
 * own tests check its encoding and decoding against. Immutable.
 */
public final class ShippedTable {
    private final String resource;
    private final ParseResult result;

    private ShippedTable(String resource, ParseResult result) {
        this.resource = resource;
        this.result = result;
    }

    /**
     * @param loader the class loader that sees the plugin's resources, e.g. a test class's
     * @param resource the table's path in the bundle, e.g. {@code OSGI-INF/fwgate/acme.json}
     * @return the table as parsed, problems and all
     * @throws IllegalArgumentException if no such resource exists
     * @throws UncheckedIOException if it cannot be read
     */
    public static ShippedTable read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource + " on the class path");
            }
            return new ShippedTable(resource, TableParser.parse(resource, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** @return the parse result: the table if it is valid, and every problem found */
    public ParseResult result() {
        return result;
    }

    /**
     * @return the table
     * @throws IllegalStateException listing the problems if the table is not valid
     */
    public CommandTable table() {
        return result.table().orElseThrow(() -> new IllegalStateException(resource + " is not a valid table: "
                + result.problems()));
    }

    /**
     * @param name a command's name
     * @return the command
     * @throws NoSuchElementException if the table declares no such command
     */
    public CommandSpec command(String name) {
        return table().commands().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(resource + " declares no command '" + name + "'"));
    }
}
