package io.fwgate.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Manifest;

import io.fwgate.api.CommandTables;
import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.ParseResult;
import io.fwgate.tables.TableParser;

/**
 * Every command table the bundled plugins on the test class path ship: each jar whose manifest has a
 * {@code Fwgate-Command-Tables} header, each resource it names, parsed as the platform parses it.
 */
public final class BundledTables {
    /** One command and the table (and so the plugin) that declares it. */
    public record Command(CommandTable table, CommandSpec spec) {
        @Override
        public String toString() {
            return table.source() + " " + spec.name();
        }
    }

    private static final List<CommandTable> TABLES = load();

    private BundledTables() {
    }

    /** @return the parsed tables, never empty */
    public static List<CommandTable> tables() {
        return TABLES;
    }

    /** @return every command of every bundled table */
    public static List<Command> commands() {
        List<Command> commands = new ArrayList<>();
        for (CommandTable table : TABLES) {
            table.commands().forEach(spec -> commands.add(new Command(table, spec)));
        }
        return commands;
    }

    private static List<CommandTable> load() {
        List<CommandTable> tables = new ArrayList<>();
        try {
            for (URL url : Collections.list(BundledTables.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
                String header;
                try (InputStream in = url.openStream()) {
                    header = new Manifest(in).getMainAttributes().getValue(CommandTables.HEADER);
                }
                if (header == null) {
                    continue;
                }
                String jar = url.toString().substring(0, url.toString().length() - "META-INF/MANIFEST.MF".length());
                for (String resource : header.split(",")) {
                    tables.add(parse(new URL(jar + resource.trim())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled plugins' tables", e);
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no plugin with a " + CommandTables.HEADER + " header on the class path");
        }
        return List.copyOf(tables);
    }

    private static CommandTable parse(URL resource) throws IOException {
        byte[] json;
        try (InputStream in = resource.openStream()) {
            json = in.readAllBytes();
        }
        ParseResult result = TableParser.parse(resource.toString(), json);
        return result.table().orElseThrow(() -> new IllegalStateException(resource + " does not parse: "
                + result.problems()));
    }
}
