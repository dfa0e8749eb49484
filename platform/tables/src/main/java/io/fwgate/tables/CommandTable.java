package io.fwgate.tables;

import java.util.List;

/**
 * One parsed and validated command table. Immutable.
 *
 * @param source where the table came from (bundle and resource path, or file name)
 * @param vendor who declares the commands, free text
 * @param match which devices the table applies to
 * @param commands the commands, in table order, names and opcodes unique
 */
public record CommandTable(String source, String vendor, TableMatch match, List<CommandSpec> commands) {
    public CommandTable {
        commands = List.copyOf(commands);
    }
}
