package io.fwgate.cli.internal;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import io.fwgate.api.DeviceId;
import io.fwgate.platform.CallException;
import io.fwgate.platform.Gateway;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses and runs one command line against a gateway, in-process or a daemon's. Every failure ends as one
 * {@code fwgate: ...} line on the error stream (plus a hint where one helps) and an {@link ExitCode}; no
 * stack trace reaches the user. Stateless: each {@link #run} builds its own parser.
 */
final class Cli {
    private final Gateway gateway;
    private final Context.CallerSource callers;
    private final Supplier<String> version;
    private final Environment environment;

    /**
     * @param gateway the platform
     * @param callers where the invoking user's identity comes from
     * @param version the version {@code --version} prints, asked for only then
     * @param environment properties, terminal, poll pacing, daemon
     */
    Cli(Gateway gateway, Context.CallerSource callers, Supplier<String> version, Environment environment) {
        this.gateway = gateway;
        this.callers = callers;
        this.version = version;
        this.environment = environment;
    }

    /**
     * @param args the command line, global options first
     * @param out normal output
     * @param err error output
     * @return the exit code
     */
    int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return parser(new Context(gateway, callers, out, err, environment)).execute(args);
        } catch (RuntimeException | LinkageError e) {
            // picocli hands command failures to the handlers; this catches failures of picocli itself
            err.println("fwgate: internal error: " + e);
            return ExitCode.FAILURE.code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * @param context what the commands work with
     * @return the whole command tree, as help, completion and execution see it
     */
    CommandLine parser(Context context) {
        CommandLine line = new CommandLine(new RootCommand());
        line.addSubcommand(new ListCommand(context));
        line.addSubcommand(new CommandsCommand(context));
        line.addSubcommand(new CallCommand(context));
        line.addSubcommand(new WaitCommand(context));
        line.addSubcommand(new PluginsCommand(context));
        line.addSubcommand(new AuditCommand(context));
        line.addSubcommand(new StatusCommand(context));
        line.addSubcommand(new DaemonCommand(context));
        line.addSubcommand(new CompletionCommand(context));
        line.addSubcommand(new PluginCommand(context));
        line.addSubcommand(new CommandLine.HelpCommand());
        line.getCommandSpec().versionProvider(() -> new String[] { "fwgate " + version.get() });
        line.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.helpList());
        line.registerConverter(DeviceId.class, Cli::deviceId);
        line.setOut(context.out());
        line.setErr(context.err());
        line.setParameterExceptionHandler(Cli::usageError);
        line.setExecutionExceptionHandler(Cli::failure);
        return line;
    }

    private static DeviceId deviceId(String text) {
        try {
            return DeviceId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("fwgate: " + e.getMessage());
        err.println("fwgate: see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
        return ExitCode.USAGE.code();
    }

    private static int failure(Exception e, CommandLine line, ParseResult parsed) {
        PrintWriter err = line.getErr();
        if (e instanceof CallException call) {
            String message = call.getMessage();
            // the core's refusals already say so; other gateways' may not
            if (call.kind() == CallException.Kind.REFUSED && !message.startsWith("refused")) {
                message = "refused: " + message;
            }
            err.println("fwgate: " + message);
            return ExitCode.of(call.kind()).code();
        }
        if (e instanceof CliFailure failure) {
            err.println("fwgate: " + failure.getMessage());
            return failure.exitCode().code();
        }
        if (e instanceof UncheckedIOException daemon) {
            // the daemon's gateway: connection lost, daemon busy or stopping; the message names the daemon
            err.println("fwgate: " + daemon.getMessage());
            return ExitCode.FAILURE.code();
        }
        err.println("fwgate: internal error: " + e);
        return ExitCode.FAILURE.code();
    }
}
