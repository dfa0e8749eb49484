package io.fwgate.cli.internal;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fwgate.platform.Gateway;

/**
 * The CLI as a service for the launcher: {@code apply(args)} parses and runs one command line, printing to
 * {@code System.out} and {@code System.err}, and returns the process exit code. The caller is always the
 * process itself, as {@code /proc/self/status} says.
 */
@Component(service = Function.class, property = "fwgate.main=cli")
public final class CliComponent implements Function<String[], Integer> {
    private final Cli cli;

    /**
     * @param gateway the platform
     * @param context this bundle's context, for the version {@code --version} prints
     */
    @Activate
    public CliComponent(@Reference Gateway gateway, BundleContext context) {
        this.cli = new Cli(gateway, ProcStatus::self, context.getBundle().getVersion().toString());
    }

    @Override
    public Integer apply(String[] args) {
        Charset charset = Charset.defaultCharset();
        return cli.run(args, new PrintWriter(System.out, true, charset), new PrintWriter(System.err, true, charset));
    }
}
