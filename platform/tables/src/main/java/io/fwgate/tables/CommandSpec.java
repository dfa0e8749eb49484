package io.fwgate.tables;

import java.util.Set;

import io.fwgate.api.Effect;
import io.fwgate.api.Level;

/**
 * One command of a table. Immutable.
 *
 * @param name kebab-case name, unique in its table
 * @param opcode the opcode (CXL: set &lt;&lt; 8 | command; NVMe: admin opcode)
 * @param description one line for humans
 * @param effects the effects the vendor declares
 * @param declaredLevel the level the vendor declares
 * @param request how arguments become a request
 * @param response how the answer becomes named values
 */
public record CommandSpec(String name, int opcode, String description, Set<Effect> effects,
        Level declaredLevel, RequestLayout request, ResponseLayout response) {
    public CommandSpec {
        effects = Set.copyOf(effects);
    }
}
