package io.fwgate.cli.internal;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.fwgate.daemon.protocol.Wire;
import io.fwgate.platform.StatusView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fwgate status}: taint, role, and what the invoking user may do. */
@Command(name = "status", description = "Show whether the host is tainted, its role, who you are to fwgate "
        + "and what you are granted, and where fwgate keeps its configuration and state.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    private final Context context;

    StatusCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CliFailure {
        StatusView status = context.gateway().status(context.caller());
        if (options.json) {
            Json.print(context.out(), Wire.status(status));
        } else {
            human(context.out(), status);
        }
        return ExitCode.SUCCESS.code();
    }

    static void human(PrintWriter out, StatusView status) {
        if (status.devMode()) {
            out.println("DEVELOPMENT MODE: unsigned plugins from a developer's directory are accepted on this host");
        }
        out.println("tainted:  " + (status.tainted() ? "yes, by " + status.taint().orElse("an unrecorded command")
                : "no"));
        out.println("role:     " + status.role());
        out.println("caller:   " + status.caller());
        out.println("granted:  level " + status.grantedLevel().id() + ", reach " + status.grantedReach().id());
        out.println("config:   " + status.configDir());
        out.println("state:    " + status.stateDir());
    }
}
