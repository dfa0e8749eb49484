package io.fwgate.tables.internal;

import java.util.List;

import io.fwgate.tables.TableMatch;

/**
 * A table as read and checked, before its commands become {@code CommandSpec}s. Immutable.
 *
 * @param vendor who declares the commands
 * @param match which devices the table applies to
 * @param commands the commands in table order
 */
public record TableModel(String vendor, TableMatch match, List<CommandModel> commands) {
    public TableModel {
        commands = List.copyOf(commands);
    }
}
