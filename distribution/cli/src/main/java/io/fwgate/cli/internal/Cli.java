package io.fwgate.cli.internal;

import java.io.PrintWriter;

import io.fwgate.api.DeviceId;
import io.fwgate.platform.CallException;
import io.fwgate.platform.Gateway;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses and runs one command line against a gateway. Every failure ends as one {@code fwgate: ...} line
 * on the error stream (plus a hint where one helps) and an {@link ExitCode}; no stack trace reaches the
 * user. Stateless: each {@link #run} builds its own parser.
 */
final class Cli {
    private final Gateway gateway;
    private final Context.CallerSource callers;
    private final String version;

    /**
     * @param gateway the platform
     * @param callers where the invoking user's identity comes from
     * @param version the version {@code --version} prints
     */
    Cli(Gateway gateway, Context.CallerSource callers, String version) {
        this.gateway = gateway;
        this.callers = callers;
        this.version = version;
    }

    /**
     * @param args the command line, global options first
     * @param out normal output
     * @param err error output
     * @return the exit code
     */
    int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return parser(new Context(gateway, callers, out, err)).execute(args);
        } catch (RuntimeException | LinkageError e) {
            // picocli hands command failures to the handlers; this catches failures of picocli itself
            err.println("fwgate: internal error: " + e);
            return ExitCode.FAILURE.code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private CommandLine parser(Context context) {
        CommandLine line = new CommandLine(new RootCommand());
        line.addSubcommand(new ListCommand(context));
        line.addSubcommand(new CommandsCommand(context));
        line.addSubcommand(new CallCommand(context));
        line.addSubcommand(new PluginsCommand(context));
        line.addSubcommand(new AuditCommand(context));
        line.addSubcommand(new StatusCommand(context));
        line.getCommandSpec().version("fwgate " + version);
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
        err.println("fwgate: internal error: " + e);
        return ExitCode.FAILURE.code();
    }
}
