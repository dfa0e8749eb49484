package io.fwgate.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import io.fwgate.api.CommandTables;
import io.fwgate.api.ResponseDecoder;
import io.fwgate.api.spi.Transport;
import io.fwgate.emulator.kit.EmulatedFabric;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.ParseResult;
import io.fwgate.tables.TableParser;

/**
 * Names what a {@link PluginHarness} runs: the plugin's command tables, its emulation profiles and its
 * Java decoders. Resources are read when they are named. Not thread-safe.
 */
public final class HarnessBuilder {
    private record Source(String name, byte[] bytes) {
    }

    private final List<Source> tables = new ArrayList<>();
    private final List<Source> profiles = new ArrayList<>();
    private final Map<String, ResponseDecoder> decoders = new HashMap<>();
    private boolean standardDevices = true;

    HarnessBuilder() {
    }

    /**
     * @param resource a class path resource, such as {@code OSGI-INF/fwgate/acme.json} from
     *        {@code src/main/resources}
     * @return this builder
     * @throws IllegalArgumentException if there is no such resource
     * @throws UncheckedIOException if it cannot be read
     */
    public HarnessBuilder table(String resource) {
        tables.add(new Source(resource, resource(resource)));
        return this;
    }

    /**
     * @param file a command table file
     * @return this builder
     * @throws UncheckedIOException if it cannot be read
     */
    public HarnessBuilder table(Path file) {
        tables.add(new Source(file.toString(), file(file)));
        return this;
    }

    /**
     * @param source the table's name, for messages
     * @param json the table
     * @return this builder
     */
    public HarnessBuilder table(String source, byte[] json) {
        tables.add(new Source(source, json.clone()));
        return this;
    }

    /**
     * @param resource a class path resource holding an emulation profile
     * @return this builder
     * @throws IllegalArgumentException if there is no such resource
     * @throws UncheckedIOException if it cannot be read
     */
    public HarnessBuilder profile(String resource) {
        profiles.add(new Source(resource, resource(resource)));
        return this;
    }

    /**
     * @param file an emulation profile file
     * @return this builder
     * @throws UncheckedIOException if it cannot be read
     */
    public HarnessBuilder profile(Path file) {
        profiles.add(new Source(file.toString(), file(file)));
        return this;
    }

    /**
     * @param source the profile's name, for messages
     * @param json the profile
     * @return this builder
     */
    public HarnessBuilder profile(String source, byte[] json) {
        profiles.add(new Source(source, json.clone()));
        return this;
    }

    /**
     * Adds every table and profile a built plugin jar lists in its {@code Fwgate-Command-Tables} and
     * {@code Fwgate-Emulator-Profiles} headers.
     *
     * @param jar a plugin bundle
     * @return this builder
     * @throws IllegalArgumentException if the jar lacks a resource its manifest lists
     * @throws UncheckedIOException if the jar cannot be read
     */
    public HarnessBuilder bundle(Path jar) {
        try (BundleFile bundle = BundleFile.open(jar)) {
            for (String resource : bundle.resources(CommandTables.HEADER)) {
                tables.add(new Source(jar.getFileName() + "!/" + resource, entry(bundle, jar, resource)));
            }
            for (String resource : bundle.resources(BundleFile.PROFILES_HEADER)) {
                profiles.add(new Source(jar.getFileName() + "!/" + resource, entry(bundle, jar, resource)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plugin jar " + jar, e);
        }
        return this;
    }

    /**
     * @param name the decoder's name, as tables name it in {@code response.decoder}
     * @param decoder the plugin's decoder
     * @return this builder
     */
    public HarnessBuilder decoder(String name, ResponseDecoder decoder) {
        decoders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(decoder, "decoder"));
        return this;
    }

    /**
     * Leaves out {@code emu:mem0} and {@code emu:nvme0}, so that only the profiles' devices exist.
     *
     * @return this builder
     */
    public HarnessBuilder withoutStandardDevices() {
        standardDevices = false;
        return this;
    }

    /**
     * @return the harness
     * @throws IllegalArgumentException if no table was named, a table has problems (the message lists
     *         each with its location, as the platform would refuse it) or a profile is not valid
     */
    public PluginHarness build() {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("name at least one command table of the plugin");
        }
        List<CommandTable> parsed = new ArrayList<>();
        for (Source table : tables) {
            ParseResult result = TableParser.parse(table.name(), table.bytes());
            if (result.table().isEmpty()) {
                throw new IllegalArgumentException("the platform would refuse " + table.name() + ": "
                        + result.problems().stream().map(p -> p.location() + ": " + p.message())
                                .collect(Collectors.joining("; ")));
            }
            parsed.add(result.table().get());
        }
        List<byte[]> profileBytes = new ArrayList<>();
        for (Source profile : profiles) {
            try {
                EmulatedFabric.check(profile.bytes());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the emulator would ignore " + profile.name() + ": "
                        + e.getMessage(), e);
            }
            profileBytes.add(profile.bytes());
        }
        Transport transport = standardDevices ? EmulatedFabric.create(profileBytes)
                : EmulatedFabric.createProfilesOnly(profileBytes);
        return new PluginHarness(parsed, transport, decoders);
    }

    private static byte[] resource(String resource) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : HarnessBuilder.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource.startsWith("/") ? resource.substring(1) : resource)) {
            if (in == null) {
                throw new IllegalArgumentException("there is no class path resource " + resource
                        + " (resources of src/main/resources are named without that prefix)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class path resource " + resource, e);
        }
    }

    private static byte[] file(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static byte[] entry(BundleFile bundle, Path jar, String resource) throws IOException {
        Optional<byte[]> bytes = bundle.read(resource);
        return bytes.orElseThrow(() -> new IllegalArgumentException(jar + " lists " + resource
                + " in its manifest, but does not contain it"));
    }
}
