package io.fwgate.core.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.fwgate.api.DecodeException;
import io.fwgate.api.ResponseDecoder;
import io.fwgate.api.spi.DeviceRequest;
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
    private static final Pattern OPCODE = Pattern.compile("0[xX][0-9a-fA-F]{1,4}");

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
    static PreparedCall prepare(CallRequest call, List<PluginRegistry.Bound> commands, DecoderLookup decoders)
            throws CallException {
        if (OPCODE.matcher(call.command()).matches()) {
            return raw(call, commands);
        }
        PluginRegistry.Bound bound = commands.stream().filter(b -> b.spec().name().equals(call.command()))
                .findFirst().orElseThrow(() -> badRequest("unknown command '" + call.command() + "' for "
                        + call.device() + " (`fwgate commands " + call.device() + "` lists them)"));
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

    /** @return the plugin that declared the command, or empty for a raw opcode */
    String plugin() {
        return command.map(b -> b.plugin().symbolicName()).orElse("");
    }

    /**
     * @param payload a successful answer's payload
     * @param transportFields the answer's values outside the payload (NVMe completion dword 0)
     * @return its decoded fields (a raw call's is its payload as hex, and those values)
     * @throws DecodeException if the payload does not fit the command's layout
     */
    Map<String, Object> decode(byte[] payload, Map<String, Long> transportFields) throws DecodeException {
        if (name.startsWith("0x") || command.isEmpty()) {
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("payload", HexFormat.of().formatHex(payload));
            raw.putAll(new java.util.TreeMap<>(transportFields));
            return raw;
        }
        if (javaDecoder.isPresent()) {
            try {
                return javaDecoder.get().decode(ByteBuffer.wrap(payload).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN));
            } catch (RuntimeException | StackOverflowError e) {
                // a plugin's bug must end as an undecodable answer with its result record, never escape
                throw new DecodeException("the plugin's decoder failed: " + e);
            }
        }
        return command.get().spec().response().decode(payload, transportFields);
    }

    private static CallException badRequest(String message) {
        return new CallException(CallException.Kind.BAD_REQUEST, message);
    }
}
