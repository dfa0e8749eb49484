package io.fwgate.platform;

import java.util.List;
import java.util.Set;

import io.fwgate.api.Effect;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.tables.FieldSpec;

/**
 * A command as callable on one device. Immutable.
 *
 * @param name the command name
 * @param opcode its opcode
 * @param description one line
 * @param level the level the gate requires on this device (declared, declared effects, device effects)
 * @param reach the reach it requires
 * @param declaredEffects effects the table declares
 * @param deviceEffects effects the device reports for the opcode (empty if it reports none)
 * @param arguments the arguments it takes
 * @param plugin the bundle that declared it
 */
public record CommandView(String name, int opcode, String description, Level level, Reach reach,
        Set<Effect> declaredEffects, Set<Effect> deviceEffects, List<FieldSpec> arguments, String plugin) {
    public CommandView {
        declaredEffects = Set.copyOf(declaredEffects);
        deviceEffects = Set.copyOf(deviceEffects);
        arguments = List.copyOf(arguments);
    }
}
