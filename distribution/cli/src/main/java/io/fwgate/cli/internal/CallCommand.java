package io.fwgate.cli.internal;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.fwgate.api.DeviceId;
import io.fwgate.daemon.protocol.Wire;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fwgate call DEVICE COMMAND}: runs one command as the invoking user. A device that answers with a
 * failure status ends with {@link ExitCode#DEVICE_FAILED}, after printing what it answered. A command that
 * starts a background operation (CXL Background Command Started; NVMe Sanitize) is followed until it ends
 * or makes no progress for {@code --wait-timeout}, unless {@code --no-wait} asks for its {@link Handle} instead.
 */
@Command(name = "call", description = { "Run one command on a device, as you (the kernel's idea of you).",
        "A background operation (sanitize, firmware transfer, media scan) is followed to its end, or until it "
                + "makes no progress for --wait-timeout: a progress bar on a terminal, progress lines with --json. "
                + "--no-wait prints a handle for 'fwgate wait'." })
final class CallCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Mixin
    WaitOptions waiting;

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

    @Option(names = "--no-wait", description = "Do not follow a background operation: print its handle and return.")
    boolean noWait;

    private final Context context;

    CallCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CallException, CliFailure {
        Caller caller = context.caller();
        CallResult result = context.gateway().call(caller, new CallRequest(device, command, arguments, confirm));
        if (options.json) {
            Json.print(context.out(), Wire.result(result));
        } else if (result.ok()) {
            human(context.out(), result);
        }
        if (!result.ok()) {
            context.err().printf("fwgate: %s %s failed on the device: %s (status %d, 0x%04x)%n", result.device(),
                    result.command(), result.statusName(), result.status(), result.status());
            return ExitCode.DEVICE_FAILED.code();
        }
        if (!Background.started(context.gateway(), result)) {
            return ExitCode.SUCCESS.code();
        }
        Handle handle = new Handle(result.device(), result.opcode(), result.auditSequence());
        if (noWait) {
            if (options.json) {
                Json.line(context.out(), Map.of("handle", handle.toString()));
            } else {
                context.out().println("handle: " + handle + " (follow it with 'fwgate wait " + handle + "')");
            }
            return ExitCode.SUCCESS.code();
        }
        return new Background(context, options.json, waiting.timeout).follow(caller, handle).code();
    }

    static void human(PrintWriter out, CallResult result) {
        out.printf("%s %s (opcode %s, needs %s/%s): %s, audit record %d%n", result.device(), result.command(),
                Wire.opcode(result.opcode()), result.level().id(), result.reach().id(), result.statusName(),
                result.auditSequence());
        ResponseTree.print(out, result.response(), 1);
    }
}
