package io.fwgate.kit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.fwgate.api.DecodeException;
import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.api.ResponseDecoder;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;
import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.EffectMapping;
import io.fwgate.tables.EncodedRequest;
import io.fwgate.tables.InvalidArgumentException;

/**
 * Runs a plugin's commands against emulated devices in a plain JUnit test, the way the platform runs
 * them: the command is looked up in the tables that match the device, its arguments are encoded by the
 * table's request layout, the request goes to the {@code emu} transport (the standard devices and the
 * plugin's emulation profiles), and a successful answer is decoded by the table's response layout or by a
 * Java decoder given to the {@link HarnessBuilder builder}. The permission gate is not involved: the
 * harness shows the level and reach each command's declaration needs ({@link #levelOf}, {@link #reachOf})
 * so a test can assert them.
 *
 * <pre>{@code
 * PluginHarness acme = PluginHarness.builder()
 *         .table("OSGI-INF/fwgate/acme.json").profile("OSGI-INF/fwgate/acme-emulation.json").build();
 * CallOutcome set = acme.call("emu:acme-mem0", "acme-set-debug", Map.of("level", "2"));
 * assertThat(set.ok()).isTrue();
 * assertThat(acme.levelOf("acme-set-debug")).isEqualTo(Level.DEBUG_WRITE);
 * }</pre>
 *
 * Thread-safe; the emulated devices keep their state for as long as the harness lives.
 */
public final class PluginHarness {
    private final List<CommandTable> tables;
    private final Transport transport;
    private final Map<String, ResponseDecoder> decoders;

    PluginHarness(List<CommandTable> tables, Transport transport, Map<String, ResponseDecoder> decoders) {
        this.tables = List.copyOf(tables);
        this.transport = transport;
        this.decoders = Map.copyOf(decoders);
    }

    /** @return a builder to name the plugin's tables, profiles and decoders */
    public static HarnessBuilder builder() {
        return new HarnessBuilder();
    }

    /** @return the plugin's tables, parsed and valid */
    public List<CommandTable> tables() {
        return tables;
    }

    /** @return the {@code emu} transport the commands go to, for requests outside any table */
    public Transport transport() {
        return transport;
    }

    /** @return the emulated devices, ordered by address */
    public List<DeviceInfo> devices() {
        try {
            return transport.devices();
        } catch (IOException e) {
            throw new IllegalStateException("the emulated transport does not list its devices", e);
        }
    }

    /**
     * @param device a device id such as {@code emu:acme-mem0}
     * @param command a command name
     * @param args the arguments as a caller types them ({@code fwgate call ... --arg name=value})
     * @return the device's answer, decoded when it reports success
     * @throws IllegalArgumentException if there is no such device, or no table of the plugin that matches
     *         the device has the command
     * @throws InvalidArgumentException if the arguments do not fit the command's request
     * @throws DecodeException if a successful answer does not decode, or its Java decoder was not given
     * @throws IOException if the emulated transport did not deliver the request
     */
    public CallOutcome call(String device, String command, Map<String, String> args)
            throws InvalidArgumentException, DecodeException, IOException {
        DeviceInfo info = device(DeviceId.parse(device));
        CommandSpec spec = commandFor(info, command);
        EncodedRequest encoded = spec.request().encode(args);
        DeviceResponse answer = transport.send(info.id(), new DeviceRequest(spec.opcode(), encoded.payload(),
                encoded.parameters(), spec.response().maxSize()));
        Map<String, Object> values = answer.ok() ? decode(spec, answer) : Map.of();
        return new CallOutcome(info.id(), command, spec.opcode(), answer.status(),
                StatusNames.of(info.kind(), answer.status()), values);
    }

    /**
     * @param device a device id
     * @param command a command name that takes no arguments, or only arguments with defaults
     * @return the device's answer
     * @throws IllegalArgumentException if there is no such device or command
     * @throws InvalidArgumentException if the command needs arguments
     * @throws DecodeException if a successful answer does not decode
     * @throws IOException if the emulated transport did not deliver the request
     */
    public CallOutcome call(String device, String command) throws InvalidArgumentException, DecodeException,
            IOException {
        return call(device, command, Map.of());
    }

    /**
     * @param device a device id
     * @param command a command name
     * @return the command as the table that matches the device declares it
     * @throws IllegalArgumentException if there is no such device, or no matching table has the command
     */
    public CommandSpec command(String device, String command) {
        return commandFor(device(DeviceId.parse(device)), command);
    }

    /**
     * The level a command's declaration needs: the stricter of its declared level and the level its
     * declared effects map to. On a real device the gate may require more, from what the device reports.
     *
     * @param command a command name
     * @return the level the platform requires for it at least
     * @throws IllegalArgumentException if no table has the command, or tables declare it differently
     */
    public Level levelOf(String command) {
        CommandSpec spec = declared(command);
        return spec.declaredLevel().max(EffectMapping.levelOf(spec.effects()));
    }

    /**
     * @param command a command name
     * @return {@link Reach#FABRIC} if its declared effects reach other hosts, else {@link Reach#DEVICE}
     * @throws IllegalArgumentException if no table has the command, or tables declare it differently
     */
    public Reach reachOf(String command) {
        return EffectMapping.reachOf(declared(command).effects());
    }

    private CommandSpec declared(String command) {
        List<CommandSpec> specs = tables.stream().flatMap(t -> t.commands().stream())
                .filter(c -> c.name().equals(command)).toList();
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("no table of the plugin has a command '" + command + "'");
        }
        boolean agree = specs.stream().allMatch(s -> s.declaredLevel() == specs.get(0).declaredLevel()
                && s.effects().equals(specs.get(0).effects()));
        if (!agree) {
            throw new IllegalArgumentException("tables of the plugin declare '" + command + "' with different levels"
                    + " or effects: ask command(device, name) for the one a device sees");
        }
        return specs.get(0);
    }

    private DeviceInfo device(DeviceId id) {
        List<DeviceInfo> all = devices();
        return all.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no emulated device " + id + " (devices: " + all.stream().map(d -> d.id().toString())
                        .collect(Collectors.joining(", ")) + ")"));
    }

    private CommandSpec commandFor(DeviceInfo device, String command) {
        List<String> offered = new ArrayList<>();
        for (CommandTable table : tables) {
            if (!table.match().matches(device)) {
                continue;
            }
            Optional<CommandSpec> spec = table.commands().stream().filter(c -> c.name().equals(command)).findFirst();
            if (spec.isPresent()) {
                return spec.get();
            }
            table.commands().forEach(c -> offered.add(c.name()));
        }
        throw new IllegalArgumentException("no table of the plugin offers '" + command + "' on " + device.id() + " ("
                + device.kind().id() + ", PCI vendor " + String.format("0x%04x", device.pciVendorId())
                + "); the commands its matching tables offer there: " + offered);
    }

    private Map<String, Object> decode(CommandSpec spec, DeviceResponse answer) throws DecodeException {
        Optional<String> name = spec.response().javaDecoder();
        if (name.isEmpty()) {
            return spec.response().decode(answer.payload(), answer.fields());
        }
        ResponseDecoder decoder = decoders.get(name.get());
        if (decoder == null) {
            throw new DecodeException("'" + spec.name() + "' is decoded by the Java decoder '" + name.get()
                    + "': give it to the harness with builder().decoder(\"" + name.get() + "\", decoder)");
        }
        try {
            return decoder.decode(ByteBuffer.wrap(answer.payload()).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN));
        } catch (RuntimeException e) {
            throw new DecodeException("the decoder '" + name.get() + "' failed: " + e);
        }
    }
}
