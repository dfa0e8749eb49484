package io.fwgate.tables.internal;

import java.util.Set;

import io.fwgate.api.Effect;
import io.fwgate.api.Level;

/**
 * One command as read and checked from a table, before it becomes a {@code CommandSpec}. Immutable.
 *
 * @param name kebab-case name
 * @param opcode the opcode
 * @param description one line for humans
 * @param effects the declared effects
 * @param level the declared level
 * @param request the request layout
 * @param response the response layout
 */
public record CommandModel(String name, int opcode, String description, Set<Effect> effects, Level level,
        RequestModel request, ResponseModel response) {
    public CommandModel {
        effects = Set.copyOf(effects);
    }
}
