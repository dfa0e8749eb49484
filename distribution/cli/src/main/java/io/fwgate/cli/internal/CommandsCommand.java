package io.fwgate.cli.internal;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import io.fwgate.api.DeviceId;
import io.fwgate.daemon.protocol.Wire;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CommandView;
import io.fwgate.tables.FieldSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code fwgate commands DEVICE}: what can be called on a device and what each call needs there. */
@Command(name = "commands", description = "List the commands callable on a device, with the level and reach "
        + "each needs there, its effects (declared by the table, reported by the device) and its arguments.")
final class CommandsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "DEVICE", description = "A device id from 'fwgate list', e.g. emu:mem0.")
    DeviceId device;

    private final Context context;

    CommandsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CallException {
        List<CommandView> commands = context.gateway().commands(device);
        if (options.json) {
            Json.print(context.out(), commands.stream().map(Wire::command).toList());
            return ExitCode.SUCCESS.code();
        }
        TextTable table = new TextTable("NAME", "OPCODE", "LEVEL", "REACH", "PLUGIN", "DESCRIPTION");
        for (CommandView command : commands) {
            table.row(command.name(), Wire.opcode(command.opcode()), command.level().id(), command.reach().id(),
                    command.plugin(), command.description());
        }
        table.print(context.out());
        for (CommandView command : commands) {
            details(context.out(), command);
        }
        return ExitCode.SUCCESS.code();
    }

    /** Effects and arguments are lists of varying length: they read better as a block per command. */
    private static void details(PrintWriter out, CommandView command) {
        out.println();
        out.println(command.name() + ":");
        out.println("  declared effects: " + list(Wire.effects(command.declaredEffects())));
        out.println("  device effects:   " + list(Wire.effects(command.deviceEffects())));
        if (command.arguments().isEmpty()) {
            out.println("  arguments:        none");
            return;
        }
        out.println("  arguments:");
        for (FieldSpec argument : command.arguments()) {
            out.println("    " + argument(argument));
        }
    }

    static String argument(FieldSpec field) {
        StringBuilder text = new StringBuilder("--arg ").append(field.name()).append("=<").append(field.type())
                .append('>');
        if (!field.enumNames().isEmpty()) {
            text.append(" one of ").append(String.join("|", field.enumNames()));
        }
        text.append(field.defaultValue().map(d -> " (default " + d + ")").orElse(" (required)"));
        if (!field.description().isEmpty()) {
            text.append("  ").append(field.description());
        }
        return text.toString();
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }
}
