package io.fwgate.cli.internal;

import java.util.List;
import java.util.concurrent.Callable;

import io.fwgate.api.DeviceInfo;
import io.fwgate.daemon.protocol.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fwgate list}: the devices the platform reaches. */
@Command(name = "list", description = "List the devices fwgate reaches.")
final class ListCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    private final Context context;

    ListCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<DeviceInfo> devices = context.gateway().devices();
        if (options.json) {
            Json.print(context.out(), devices.stream().map(Wire::device).toList());
            return ExitCode.SUCCESS.code();
        }
        TextTable table = new TextTable("ID", "KIND", "PCI", "SERIAL", "DESCRIPTION");
        for (DeviceInfo device : devices) {
            table.row(device.id().toString(), device.kind().id(), Wire.pci(device), device.serial().orElse(""),
                    device.description());
        }
        table.print(context.out());
        return ExitCode.SUCCESS.code();
    }
}
