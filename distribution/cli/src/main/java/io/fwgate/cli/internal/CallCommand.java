package io.fwgate.cli.internal;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.fwgate.api.DeviceId;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.CallResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fwgate call DEVICE COMMAND}: runs one command as the invoking user. A device that answers with a
 * failure status ends with {@link ExitCode#DEVICE_FAILED}, after printing what it answered.
 */
@Command(name = "call", description = "Run one command on a device, as you (the kernel's idea of you).")
final class CallCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "DEVICE", description = "A device id from 'fwgate list', e.g. emu:mem0.")
    DeviceId device;

    @Parameters(index = "1", paramLabel = "COMMAND", description = "A command name from 'fwgate commands DEVICE', "
            + "or a raw opcode such as 0x4300 (then pass --arg payload=HEX).")
    String command;

    @Option(names = "--arg", paramLabel = "NAME=VALUE",
            description = "An argument of the command; repeat for each.")
    Map<String, String> arguments = new LinkedHashMap<>();

    @Option(names = "--confirm",
            description = "Confirm a command that can change data, leave the device unsupported or reach other hosts.")
    boolean confirm;

    private final Context context;

    CallCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CallException, CliFailure {
        CallResult result = context.gateway().call(context.caller(),
                new CallRequest(device, command, arguments, confirm));
        if (options.json) {
            Json.print(context.out(), Views.result(result));
        } else if (result.ok()) {
            human(context.out(), result);
        }
        if (!result.ok()) {
            context.err().printf("fwgate: %s %s failed on the device: %s (status %d, 0x%04x)%n", result.device(),
                    result.command(), result.statusName(), result.status(), result.status());
            return ExitCode.DEVICE_FAILED.code();
        }
        return ExitCode.SUCCESS.code();
    }

    static void human(PrintWriter out, CallResult result) {
        out.printf("%s %s (opcode %s, needs %s/%s): %s, audit record %d%n", result.device(), result.command(),
                Views.opcode(result.opcode()), result.level().id(), result.reach().id(), result.statusName(),
                result.auditSequence());
        ResponseTree.print(out, result.response(), 1);
    }
}
