package io.fwgate.cli.internal;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
    /** picocli's system property: built-in converters it does not register, as comma-separated regexes. */
    static final String EXCLUDED_CONVERTERS = "picocli.converters.excludes";
    /**
     * The converters for java.time and java.sql types, which picocli registers by reflection on every start
     * (a few milliseconds of a one-shot client): no fwgate option has such a type but a Duration, which
     * has the CLI's own converter.
     */
    static final String UNUSED_CONVERTERS = "java\\.time\\..*,java\\.sql\\..*";
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
            return parser(new Context(gateway, callers, out, err, environment), args).execute(args);
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
        return parser(context, new String[0]);
    }

    /**
     * Builds the command tree for one command line: only the subcommand it names, when it names one, since
     * picocli's model of every subcommand is most of a one-shot client's start-up; the whole tree for
     * help, completion, and anything it cannot tell (so usage messages list every command).
     *
     * @param context what the commands work with
     * @param args the command line
     * @return the command tree
     */
    CommandLine parser(Context context, String[] args) {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("list", () -> new ListCommand(context));
        commands.put("commands", () -> new CommandsCommand(context));
        commands.put("call", () -> new CallCommand(context));
        commands.put("wait", () -> new WaitCommand(context));
        commands.put("plugins", () -> new PluginsCommand(context));
        commands.put("audit", () -> new AuditCommand(context));
        commands.put("status", () -> new StatusCommand(context));
        commands.put("daemon", () -> new DaemonCommand(context));
        commands.put("completion", () -> new CompletionCommand(context));
        commands.put("plugin", () -> new PluginCommand(context));
        CommandLine line = new CommandLine(new RootCommand());
        String named = subcommandOf(line, args);
        if (named != null && commands.containsKey(named) && !named.equals("completion")) {
            line.addSubcommand(commands.get(named).get());
        } else {
            commands.values().forEach(command -> line.addSubcommand(command.get()));
            line.addSubcommand(new CommandLine.HelpCommand());
        }
        line.getCommandSpec().versionProvider(() -> new String[] { "fwgate " + version.get() });
        line.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.helpList());
        line.registerConverter(DeviceId.class, Cli::deviceId);
        line.registerConverter(Duration.class, Cli::duration);
        line.setOut(context.out());
        line.setErr(context.err());
        line.setParameterExceptionHandler(Cli::usageError);
        line.setExecutionExceptionHandler(Cli::failure);
        return line;
    }

    /** @return the first argument after the root's options (and their values), or null */
    private static String subcommandOf(CommandLine root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                return arg;
            }
            var option = root.getCommandSpec().findOption(arg);
            if (option != null && option.arity().max() > 0 && !arg.contains("=")) {
                i++;
            }
        }
        return null;
    }

    private static DeviceId deviceId(String text) {
        try {
            return DeviceId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    private static Duration duration(String text) {
        try {
            return WaitOptions.parse(text);
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
