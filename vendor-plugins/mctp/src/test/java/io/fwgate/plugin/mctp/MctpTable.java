package io.fwgate.plugin.mctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.ParseResult;
import io.fwgate.tables.TableParser;

/** The shipped table, read from the bundle's resources as the platform reads it. */
final class MctpTable {
    static final String RESOURCE = "OSGI-INF/fwgate/mctp.json";

    private static final ParseResult RESULT = read();

    private MctpTable() {
    }

    static ParseResult parse() {
        return RESULT;
    }

    private static ParseResult read() {
        try (InputStream in = MctpTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            return TableParser.parse(RESOURCE, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CommandTable table() {
        return parse().table().orElseThrow();
    }

    static CommandSpec command(String name) {
        return table().commands().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
