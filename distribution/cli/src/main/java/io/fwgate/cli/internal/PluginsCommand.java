package io.fwgate.cli.internal;

import java.util.List;
import java.util.concurrent.Callable;

import io.fwgate.daemon.protocol.Wire;
import io.fwgate.platform.PluginView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fwgate plugins}: every plugin bundle the platform has seen, and why it refused any. */
@Command(name = "plugins", description = "List plugin bundles: active ones and refused ones with the reason.")
final class PluginsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    private final Context context;

    PluginsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<PluginView> plugins = context.gateway().plugins();
        if (options.json) {
            Json.print(context.out(), plugins.stream().map(Wire::plugin).toList());
            return ExitCode.SUCCESS.code();
        }
        TextTable table = new TextTable("BUNDLE", "VERSION", "STATE", "COMMANDS", "REASON", "DETAIL");
        for (PluginView plugin : plugins) {
            table.row(plugin.bundle(), plugin.version(), plugin.state(), Integer.toString(plugin.commands()),
                    plugin.reason(), plugin.detail());
        }
        table.print(context.out());
        return ExitCode.SUCCESS.code();
    }
}
