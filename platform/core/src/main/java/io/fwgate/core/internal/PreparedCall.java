package io.fwgate.core.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.fwgate.api.DecodeException;
import io.fwgate.api.Effect;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.api.ResponseDecoder;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.cci.Tunnel;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.EncodedRequest;
import io.fwgate.tables.InvalidArgumentException;

/**
 * A call resolved against a device's commands and encoded, before the gate: what will be sent, how its
 * answer is decoded, and how to compute what it needs once the device's effects are known.
 */
final class PreparedCall {
    /** Finds a plugin's own Java decoder by bundle id and name. */
    interface DecoderLookup {
        Optional<ResponseDecoder> find(long bundleId, String name);
    }

    /** Raw calls: the mailbox maximum of a CXL device (1 MiB) bounds the answer. */
    static final int RAW_MAX_RESPONSE = 1 << 20;
    /** Effect bits that say what a device can do, not what a command changes. */
    private static final Set<Effect> CAPABILITIES = EnumSet.of(Effect.BACKGROUND_ABORT_SUPPORTED,
            Effect.SECONDARY_MAILBOX_SUPPORTED, Effect.EFFECTS_VALID, Effect.COMMAND_SUPPORTED);

    final String name;
    final int opcode;
    final DeviceRequest request;
    final Optional<PluginRegistry.Bound> command;
    private final Optional<ResponseDecoder> javaDecoder;

    private PreparedCall(String name, int opcode, DeviceRequest request, Optional<PluginRegistry.Bound> command,
            Optional<ResponseDecoder> javaDecoder) {
        this.name = name;
        this.opcode = opcode;
        this.request = request;
        this.command = command;
        this.javaDecoder = javaDecoder;
    }

    /**
     * @param call the caller's request
     * @param commands the device's commands
     * @param decoders where Java decoders are found
     * @return the prepared call
     * @throws CallException of kind BAD_REQUEST for an unknown command, bad argument or missing decoder
     */
    static PreparedCall prepare(CallRequest call, PluginRegistry.DeviceCommands commands, DecoderLookup decoders)
            throws CallException {
        if (isOpcode(call.command())) {
            return raw(call, commands.all());
        }
        PluginRegistry.Bound bound = commands.named(call.command());
        if (bound == null) {
            throw badRequest("unknown command '" + call.command() + "' for " + call.device()
                    + " (`fwgate commands " + call.device() + "` lists them)");
        }
        CommandSpec spec = bound.spec();
        EncodedRequest encoded;
        try {
            encoded = spec.request().encode(call.arguments());
        } catch (InvalidArgumentException e) {
            throw badRequest(spec.name() + ": " + e.getMessage());
        }
        Optional<ResponseDecoder> java = Optional.empty();
        Optional<String> decoderName = spec.response().javaDecoder();
        if (decoderName.isPresent()) {
            java = Optional.of(decoders.find(bound.plugin().bundleId(), decoderName.get()).orElseThrow(() -> badRequest(
                    spec.name() + ": decoder '" + decoderName.get() + "' of " + bound.plugin().symbolicName()
                            + " is not registered")));
        }
        DeviceRequest request = new DeviceRequest(spec.opcode(), encoded.payload(), encoded.parameters(),
                spec.response().maxSize());
        return new PreparedCall(spec.name(), spec.opcode(), request, Optional.of(bound), java);
    }

    /** @return true for {@code 0x} and 1 to 4 hex digits: a raw call (a plain test, no regex on every call) */
    static boolean isOpcode(String command) {
        int length = command.length();
        if (length < 3 || length > 6 || command.charAt(0) != '0' || (command.charAt(1) | 0x20) != 'x') {
            return false;
        }
        for (int i = 2; i < length; i++) {
            char c = command.charAt(i);
            char lower = (char) (c | 0x20);
            if (!(c >= '0' && c <= '9') && !(lower >= 'a' && lower <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static PreparedCall raw(CallRequest call, List<PluginRegistry.Bound> commands) throws CallException {
        int opcode = Integer.parseInt(call.command().substring(2), 16);
        for (String arg : call.arguments().keySet()) {
            if (!arg.equals("payload")) {
                throw badRequest("raw call " + call.command() + ": unknown argument '" + arg + "' (only payload=HEX)");
            }
        }
        byte[] payload;
        try {
            payload = HexFormat.of().parseHex(call.arguments().getOrDefault("payload", "").replaceAll("[\\s:]", ""));
        } catch (IllegalArgumentException e) {
            throw badRequest("raw call " + call.command() + ": argument 'payload' is not hex bytes");
        }
        Optional<PluginRegistry.Bound> tabled = commands.stream().filter(b -> b.spec().opcode() == opcode).findFirst();
        return new PreparedCall(String.format("0x%04x", opcode), opcode,
                new DeviceRequest(opcode, payload, Map.of(), RAW_MAX_RESPONSE), tabled, Optional.empty());
    }

    /**
     * A call the platform makes on a caller's behalf, outside every table (e.g. polling background
     * progress): gated like a raw opcode, by the device's own effects.
     */
    static PreparedCall internal(int opcode, byte[] payload, Map<String, Long> parameters, int maxResponse) {
        return new PreparedCall(String.format("0x%04x", opcode), opcode,
                new DeviceRequest(opcode, payload, parameters, maxResponse), Optional.empty(), Optional.empty());
    }

    /**
     * @param effects what the device reports
     * @return what this call needs on that device
     */
    Requirement requirement(DeviceEffects effects) {
        if (command.isEmpty()) {
            return Requirement.raw(opcode, effects);
        }
        Requirement declared = Requirement.of(command.get().spec(), effects);
        if (name.startsWith("0x")) {
            Requirement raw = Requirement.raw(opcode, effects);
            return raw.level().compareTo(declared.level()) > 0 ? raw : declared;
        }
        return declared;
    }

    /**
     * Whether sending this call can change anything on the device: not when it needs telemetry only and
     * neither its table nor the device lists an effect for it (capability bits are not effects). A tunnel
     * is never taken for one: what it carries is judged elsewhere.
     *
     * @param needed what the call needs
     * @param effects what the device reports
     * @return true if the call only reads
     */
    boolean changesNothing(Requirement needed, DeviceEffects effects) {
        return needed.level() == Level.TELEMETRY && needed.reach() == Reach.DEVICE && opcode != Tunnel.OPCODE
                && command.map(b -> noEffects(b.spec().effects())).orElse(true)
                && effects.of(opcode).map(PreparedCall::noEffects).orElse(true);
    }

    private static boolean noEffects(Set<Effect> effects) {
        if (effects.isEmpty()) {
            return true; // the common case, without an iterator
        }
        for (Effect effect : effects) {
            if (!CAPABILITIES.contains(effect)) {
                return false;
            }
        }
        return true;
    }

    /** @return the plugin whose Java decoder reads the answer, if one does */
    Optional<PluginRecord> decodingPlugin() {
        return javaDecoder.isPresent() ? command.map(PluginRegistry.Bound::plugin) : Optional.empty();
    }

    /** @return the plugin that declared the command, or empty for a raw opcode */
    String plugin() {
        return command.map(b -> b.plugin().symbolicName()).orElse("");
    }

    /**
     * @param payload a successful answer's payload
     * @param transportFields the answer's values outside the payload (NVMe completion dword 0)
     * @param deadline runs a plugin's Java decoder, bounded in time
     * @return its decoded fields (a raw call's is its payload as hex, and those values)
     * @throws DecodeException if the payload does not fit the command's layout, or the plugin's decoder failed
     */
    Map<String, Object> decode(byte[] payload, Map<String, Long> transportFields, DecoderDeadline deadline)
            throws DecodeException {
        if (name.startsWith("0x") || command.isEmpty()) {
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("payload", HexFormat.of().formatHex(payload));
            raw.putAll(new java.util.TreeMap<>(transportFields));
            return raw;
        }
        if (javaDecoder.isPresent()) {
            CommandSpec spec = command.get().spec();
            return deadline.decode(command.get().plugin(), spec.response().javaDecoder().orElse(spec.name()),
                    javaDecoder.get(), ByteBuffer.wrap(payload).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN));
        }
        return command.get().spec().response().decode(payload, transportFields);
    }

    private static CallException badRequest(String message) {
        return new CallException(CallException.Kind.BAD_REQUEST, message);
    }
}
