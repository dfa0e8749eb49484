package io.fwgate.cli.internal;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.osgi.service.component.runtime.ServiceComponentRuntime;

import io.fwgate.daemon.Daemon;
import io.fwgate.platform.Gateway;

/**
 * The CLI as a service for the launcher, in-process ({@code --direct}) and for {@code fwgate daemon}:
 * {@code apply(args)} parses and runs one command line, printing to {@code System.out} and
 * {@code System.err}, and returns the process exit code. The caller is the process itself, as
 * {@code /proc/self/status} says; daemon limits default to framework properties.
 */
@Component(service = Function.class, property = "fwgate.main=cli")
public final class CliComponent implements Function<String[], Integer> {
    private final Cli cli;
    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    /**
     * @param gateway the platform
     * @param context this bundle's context, for the version {@code --version} prints and the properties
     */
    @Activate
    public CliComponent(@Reference Gateway gateway, @Reference ServiceComponentRuntime scr, BundleContext context) {
        this.context = context;
        this.scr = scr;
        String version = context.getBundle().getVersion().toString();
        this.cli = new Cli(gateway, ProcStatus::self, () -> version,
                new Environment(context::getProperty, System.console() != null, Environment.Pacer.SYSTEM, Daemon::run));
    }

    @Override
    public Integer apply(String[] args) {
        // every bundle is started when the launcher calls; their components may still be on their way
        ComponentsSettled.await(context, scr, java.time.Duration.ofSeconds(5));
        Charset charset = Charset.defaultCharset();
        return cli.run(args, new PrintWriter(System.out, true, charset), new PrintWriter(System.err, true, charset));
    }
}
