package io.fwgate.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.jar.JarFile;

import io.fwgate.daemon.client.RemoteGateway;
import io.fwgate.daemon.protocol.JsonText;
import io.fwgate.daemon.protocol.Wire;

/**
 * The CLI as a daemon's client, for the launcher when a daemon answers on the socket: runs on a plain
 * class path (no OSGi framework starts) with a gateway that speaks the daemon's protocol. Output and exit
 * codes are those of the in-process CLI; the daemon names the caller from the connection's credentials.
 */
public final class ClientMain implements Function<String[], Integer> {
    private final SocketChannel daemon;

    /**
     * @param daemon a connected, blocking channel to the daemon's socket; closed when {@link #apply} ends
     */
    public ClientMain(SocketChannel daemon) {
        this.daemon = daemon;
    }

    @Override
    public Integer apply(String[] args) {
        Thread warmUp = new Thread(ClientMain::warmUp, "fwgate-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        // this process is the client alone: the property reaches no other user of picocli
        System.setProperty(Cli.EXCLUDED_CONVERTERS, Cli.UNUSED_CONVERTERS);
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(System.out, true, charset);
        PrintWriter err = new PrintWriter(System.err, true, charset);
        Environment environment = new Environment(System::getProperty, System.console() != null,
                Environment.Pacer.SYSTEM, (gateway, settings, o, e) -> {
                    e.println("fwgate: the daemon runs in-process only; the launcher never runs it as a client");
                    return ExitCode.FAILURE.code();
                });
        RemoteGateway gateway = new RemoteGateway(daemon);
        try {
            return new Cli(gateway, ProcStatus::self, ClientMain::version, environment).run(args, out, err);
        } finally {
            close(gateway);
        }
    }

    /**
     * Loads and initializes what every answer needs (the JSON codec, number formatting, the caller's
     * identity) on a second thread while picocli builds its command model on the main one, which takes most
     * of a one-shot command's own time: on two CPUs the command ends sooner. Its results are thrown away.
     */
    private static void warmUp() {
        try {
            JsonText.parse(JsonText.write(Map.of("opcode", Wire.opcode(0), "values", List.of(1L, true)), false)
                    .getBytes(StandardCharsets.UTF_8));
            ProcStatus.self();
        } catch (IOException | RuntimeException e) {
            // the main thread does the same work for real and reports what fails; nothing to say twice
        }
    }

    private static void close(RemoteGateway gateway) {
        try {
            gateway.close();
        } catch (IOException e) {
            // every answer is in and printed: a failed close loses nothing
        }
    }

    /** @return the Bundle-Version of the jar this class comes from, as the in-process CLI prints it */
    private static String version() {
        try (JarFile jar = new JarFile(
                Path.of(ClientMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile())) {
            String version = jar.getManifest().getMainAttributes().getValue("Bundle-Version");
            return version == null ? "unknown" : version;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
