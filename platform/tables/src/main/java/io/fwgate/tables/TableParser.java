package io.fwgate.tables;

import java.util.List;
import java.util.Optional;

import io.fwgate.tables.internal.CommandModel;
import io.fwgate.tables.internal.Problems;
import io.fwgate.tables.internal.TableModel;
import io.fwgate.tables.internal.TableReader;

/**
 * Reads a command table resource (JSON, format 1, described in {@code TABLE-FORMAT.md}) into a validated
 * {@link CommandTable}. Thread-safe.
 */
public final class TableParser {
    private TableParser() {
    }

    /**
     * Never throws on bad input: every problem is returned, with its location.
     *
     * @param source where the bytes came from, for messages
     * @param json the resource's bytes
     * @return the table, or the problems that prevent it
     */
    public static ParseResult parse(String source, byte[] json) {
        Problems problems = new Problems();
        Optional<TableModel> model;
        try {
            model = TableReader.read(json, problems);
        } catch (RuntimeException e) {
            // the contract is a result, never an exception: a defect here still refuses the table by name
            problems.malformed("", "the table could not be read: " + e);
            model = Optional.empty();
        }
        if (model.isEmpty() || problems.count() > 0) {
            return new ParseResult(Optional.empty(), problems.list());
        }
        List<CommandSpec> commands = model.get().commands().stream().map(TableParser::spec).toList();
        return new ParseResult(Optional.of(new CommandTable(source == null ? "" : source, model.get().vendor(),
                model.get().match(), commands)), List.of());
    }

    private static CommandSpec spec(CommandModel c) {
        return new CommandSpec(c.name(), c.opcode(), c.description(), c.effects(), c.level(),
                new RequestLayout(c.request()), new ResponseLayout(c.response()));
    }
}
