package io.fwgate.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.fwgate.platform.BackgroundProgress;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * The client turns off picocli's converters for java.time and java.sql types to start sooner: that is safe
 * only while no option needs one of them but the Duration the CLI converts itself.
 */
class ConvertersTest {
    private final FakeGateway gateway = new FakeGateway();

    @Test
    void noOptionOfAnyCommandHasATypeWhoseConverterTheClientTurnsOff() {
        Context context = new Context(gateway, () -> Run.ROOT, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Run.environment(false, Map.of()));
        List<Class<?>> types = new ArrayList<>();
        collect(new Cli(gateway, () -> Run.ROOT, () -> "1", Run.environment(false, Map.of())).parser(context), types);

        assertThat(types).isNotEmpty().contains(Duration.class);
        assertThat(types).filteredOn(type -> type.getName().matches(Cli.UNUSED_CONVERTERS.replace(',', '|')))
                .containsOnly(Duration.class);
    }

    @Test
    void withThoseConvertersOffTheDurationOptionStillParses() {
        String before = System.getProperty(Cli.EXCLUDED_CONVERTERS);
        System.setProperty(Cli.EXCLUDED_CONVERTERS, Cli.UNUSED_CONVERTERS);
        try {
            gateway.progress.add(new BackgroundProgress(true, 5, 0x4400, 0, "running"));

            Run run = Run.of(gateway, "wait", "emu:mem0:0x4400:44", "--wait-timeout", "90s");

            assertThat(run.exit()).as(run.err()).isEqualTo(6);
            assertThat(run.err()).contains("no progress for 90s");
        } finally {
            if (before == null) {
                System.clearProperty(Cli.EXCLUDED_CONVERTERS);
            } else {
                System.setProperty(Cli.EXCLUDED_CONVERTERS, before);
            }
        }
    }

    private static void collect(CommandLine line, List<Class<?>> types) {
        for (ArgSpec arg : line.getCommandSpec().args()) {
            types.add(arg.type());
            Stream.of(arg.auxiliaryTypes()).forEach(types::add);
        }
        line.getSubcommands().values().forEach(sub -> collect(sub, types));
    }
}
