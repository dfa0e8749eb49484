package io.fwgate.emulator.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

import io.fwgate.api.Effect;

/** Reads the vendor opcodes of one profile device: their effects, response and state actions. */
final class OpcodeParser {
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** The largest input or output a profile command may have: the CXL mailbox payload size. */
    static final int MAX_SIZE = CxlMailbox.PAYLOAD_SIZE;
    private static final Set<String> PARAMS = NvmeController.PARAMETERS;
    /** Profile commands answer at once: they cannot report a background operation. */
    private static final Set<Effect> REFUSED = EnumSet.of(Effect.BACKGROUND_OPERATION,
            Effect.BACKGROUND_ABORT_SUPPORTED);

    private final Profile.Base base;
    private final Set<String> variables;

    OpcodeParser(Profile.Base base, Set<String> variables) {
        this.base = base;
        this.variables = variables;
    }

    private boolean nvme() {
        return base == Profile.Base.NVME_CONTROLLER;
    }

    VendorOpcode opcode(ProfileNode node, List<VendorOpcode> earlier) throws ProfileException {
        node.object(Set.of("opcode", "name", "description", "effects", "input-length", "response", "actions"));
        int opcode = nvme() ? node.member("opcode").integer(0xc0, 0xff) : node.member("opcode").integer(0xc000, 0xffff);
        String name = node.member("name").text();
        if (!NAME.matcher(name).matches()) {
            throw node.member("name").fail("'" + name + "' is not kebab-case");
        }
        for (VendorOpcode other : earlier) {
            if (other.opcode() == opcode) {
                throw node.member("opcode").fail(String.format("opcode %xh is declared twice", opcode));
            }
            if (other.name().equals(name)) {
                throw node.member("name").fail("name '" + name + "' is declared twice");
            }
        }
        if (node.has("description")) {
            node.member("description").ascii(ProfileParser.MAX_TEXT);
        }
        Set<Effect> effects = effects(node.member("effects"));
        OptionalInt inputLength = node.has("input-length")
                ? OptionalInt.of(node.member("input-length").integer(0, MAX_SIZE)) : OptionalInt.empty();
        VendorOpcode.Response response = node.has("response") ? response(node.member("response"))
                : VendorOpcode.Response.NONE;
        List<VendorOpcode.Action> actions = new ArrayList<>();
        if (node.has("actions")) {
            for (ProfileNode action : node.member("actions").elements()) {
                actions.add(action(action, inputLength));
            }
        }
        return new VendorOpcode(opcode, name, effects, inputLength, response, actions);
    }

    private Set<Effect> effects(ProfileNode node) throws ProfileException {
        Set<Effect> effects = EnumSet.noneOf(Effect.class);
        Effect.Family family = nvme() ? Effect.Family.NVME : Effect.Family.CXL;
        for (ProfileNode element : node.elements()) {
            Effect effect;
            try {
                effect = Effect.parse(element.text());
            } catch (IllegalArgumentException e) {
                throw element.fail(e.getMessage());
            }
            if (effect.family() != family) {
                throw element.fail("'" + effect.id() + "' is not " + (nvme() ? "an NVMe effects log" : "a CXL CEL")
                        + " effect, so a " + base.id() + " cannot report it");
            }
            if (REFUSED.contains(effect)) {
                throw element.fail("a profile command completes at once, so it cannot report '" + effect.id() + "'");
            }
            if (!effects.add(effect)) {
                throw element.fail("'" + effect.id() + "' is listed twice");
            }
        }
        return effects;
    }

    private VendorOpcode.Response response(ProfileNode node) throws ProfileException {
        node.object(Set.of("size", "hex", "fields", "result"));
        byte[] bytes = new byte[0];
        if (node.has("hex")) {
            try {
                bytes = HexFormat.of().parseHex(node.member("hex").text().replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw node.member("hex").fail("not an even number of hex digits (spaces allowed)");
            }
        }
        List<VendorOpcode.Field> fields = new ArrayList<>();
        int end = bytes.length;
        if (node.has("fields")) {
            for (ProfileNode element : node.member("fields").elements()) {
                element.object(Set.of("offset", "type", "state"));
                int offset = element.member("offset").integer(0, MAX_SIZE);
                int size = integerSize(element.member("type"));
                fields.add(new VendorOpcode.Field(offset, size, variable(element.member("state"))));
                end = Math.max(end, offset + size);
            }
        }
        int size = end;
        if (node.has("size")) {
            size = node.member("size").integer(0, MAX_SIZE);
            if (size < end) {
                throw node.member("size").fail(size + " bytes cannot hold the hex bytes and fields, which reach "
                        + end);
            }
        }
        Optional<String> result = Optional.empty();
        if (node.has("result")) {
            if (!nvme()) {
                throw node.member("result").fail("only an NVMe command has a completion dword 0 result");
            }
            result = Optional.of(variable(node.member("result")));
        }
        return new VendorOpcode.Response(size, bytes, fields, result);
    }

    /** {@code {"set": var, "from": source, "max": n}} or {@code {"reset": var}}. */
    private VendorOpcode.Action action(ProfileNode node, OptionalInt inputLength) throws ProfileException {
        node.object(Set.of("set", "from", "max", "reset"));
        if (node.has("set") == node.has("reset")) {
            throw node.fail("an action has exactly one of 'set' and 'reset'");
        }
        if (node.has("reset")) {
            if (node.has("from") || node.has("max")) {
                throw node.fail("'reset' sets the variable to 0 and takes no 'from' or 'max'");
            }
            return new VendorOpcode.Action(variable(node.member("reset")), Optional.empty(), 0);
        }
        String variable = variable(node.member("set"));
        VendorOpcode.Source source = source(node.member("from"), inputLength);
        long largest = source.width() == 64 ? Long.MAX_VALUE : (1L << source.width()) - 1;
        long max = node.has("max") ? node.member("max").number(0, largest) : largest;
        return new VendorOpcode.Action(variable, Optional.of(source), max);
    }

    private VendorOpcode.Source source(ProfileNode node, OptionalInt inputLength) throws ProfileException {
        node.object(Set.of("offset", "type", "param", "shift", "width"));
        Optional<String> param = Optional.empty();
        int offset = 0;
        int size = 4;
        if (node.has("param") == (node.has("offset") || node.has("type"))) {
            throw node.fail("a source is either 'param' or 'offset' with 'type'");
        }
        if (node.has("param")) {
            String name = node.member("param").text();
            if (!nvme() || !PARAMS.contains(name)) {
                throw node.member("param").fail("'" + name + "' is not a parameter of " + (nvme()
                        ? "NVMe admin commands (nsid, cdw10 to cdw15)" : "CXL commands (they have none: use 'offset')"));
            }
            param = Optional.of(name);
        } else {
            offset = node.member("offset").integer(0, MAX_SIZE);
            size = integerSize(node.member("type"));
            if (inputLength.isEmpty() || offset + size > inputLength.getAsInt()) {
                throw node.fail("reads bytes " + offset + ".." + (offset + size - 1)
                        + ", past the command's 'input-length'" + (inputLength.isEmpty() ? " (none declared)" : ""));
            }
        }
        int bits = 8 * size;
        if (node.has("shift") != node.has("width")) {
            throw node.fail("'shift' and 'width' go together");
        }
        int shift = node.has("shift") ? node.member("shift").integer(0, bits - 1) : 0;
        int width = node.has("width") ? node.member("width").integer(1, bits - shift) : bits;
        return new VendorOpcode.Source(param, offset, size, shift, width);
    }

    private static int integerSize(ProfileNode node) throws ProfileException {
        String type = node.text();
        switch (type) {
            case "u8":
                return 1;
            case "u16":
                return 2;
            case "u32":
                return 4;
            case "u64":
                return 8;
            default:
                throw node.fail("'" + type + "' is not an integer type (u8, u16, u32 or u64)");
        }
    }

    private String variable(ProfileNode node) throws ProfileException {
        String name = node.text();
        if (!variables.contains(name)) {
            throw node.fail("'" + name + "' is not a state variable of this device (declare it in 'state')");
        }
        return name;
    }
}
