package io.fwgate.kit;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.fwgate.api.DeviceKind;
import io.fwgate.api.Effect;
import io.fwgate.api.Level;
import io.fwgate.tables.EffectMapping;

/**
 * The checks lint adds to the parser's: what a table claims about its commands. They read the JSON
 * tree leniently (a member of the wrong type is skipped: the parser reports it), so that a table with
 * parse problems still gets all its findings in one run.
 */
final class TableChecks {
    private static final Pattern VENDOR_WORD = Pattern.compile("(?i)\\bvendor\\b");

    private TableChecks() {
    }

    /**
     * @param root the table's JSON
     * @param out where findings go
     */
    static void check(JsonNode root, FindingList out) {
        JsonNode match = root.path("match");
        OpcodeRanges family = OpcodeRanges.of(kinds(match.path("kinds")));
        boolean vendorTable = match.path("pci-vendor-ids").isArray() && !match.path("pci-vendor-ids").isEmpty();
        JsonNode commands = root.path("commands");
        for (int i = 0; i < commands.size() && commands.isArray(); i++) {
            JsonNode command = commands.get(i);
            if (command.isObject()) {
                checkCommand(command, "/commands/" + i, family, vendorTable, out);
            }
        }
    }

    private static void checkCommand(JsonNode command, String at, OpcodeRanges family, boolean vendorTable,
            FindingList out) {
        String name = command.path("name").asText("");
        Optional<Integer> opcode = integer(command.path("opcode"));
        if (family != null && opcode.isPresent()) {
            OpcodeChecks.check(command, at, name, opcode.get(), family, vendorTable, out);
        }
        Set<Effect> effects = effects(command.path("effects"));
        Optional<Level> level = level(command.path("level"));
        level.ifPresent(l -> checkLevel(name, l, effects, at, out));
        checkEffects(command.path("effects"), at + "/effects", family, out);
        checkResponse(command.path("response"), at + "/response", out);
    }

    private static void checkLevel(String name, Level level, Set<Effect> effects, String at, FindingList out) {
        Level needed = EffectMapping.levelOf(effects);
        if (level.compareTo(needed) < 0) {
            out.error(at + "/level", "level-contradicts-effects", "command '" + name + "' declares level "
                    + level.id() + ", but its effects " + ids(effects) + " need " + needed.id() + ": declare "
                    + needed.id() + " or correct the effects (the gate requires the stricter of the two anyway)");
        }
        if (level == Level.DEBUG_WRITE_FULL && effects.isEmpty()) {
            out.warning(at + "/effects", "no-effects-declared", "command '" + name + "' is debug-write-full but "
                    + "declares no effects: say what it changes (for example data-change-immediate or "
                    + "security-state-change), so that reviewers and the gate can check the claim");
        }
    }

    private static void checkEffects(JsonNode effects, String at, OpcodeRanges family, FindingList out) {
        Set<Effect> all = effects(effects);
        if (all.contains(Effect.BACKGROUND_ABORT_SUPPORTED) && !all.contains(Effect.BACKGROUND_OPERATION)) {
            out.warning(at, "abort-without-background", "background-abort-supported without background-operation:"
                    + " a command that does not run in the background cannot be aborted");
        }
        for (int i = 0; i < effects.size() && family != null; i++) {
            Optional<Effect> effect = effect(effects.get(i));
            if (effect.isPresent() && effect.get().family() != Effect.Family.FWGATE
                    && effect.get().family() != family.effects()) {
                out.warning(at + "/" + i, "effect-of-other-family", "effect '" + effect.get().id() + "' is a bit of "
                        + log(effect.get().family()) + ", but the table is for " + family.title() + " commands, "
                        + "whose devices report " + log(family.effects()) + ": declare effects of that log, so the "
                        + "declaration can be checked against what the device reports");
            }
        }
    }

    /** A payload field that takes the rest of the payload is empty when it starts at max-size. */
    private static void checkResponse(JsonNode response, String at, FindingList out) {
        Optional<Integer> maxSize = integer(response.path("max-size"));
        JsonNode fields = response.path("fields");
        for (int i = 0; i < fields.size() && fields.isArray() && maxSize.isPresent(); i++) {
            JsonNode field = fields.get(i);
            String type = field.path("type").asText("");
            boolean rest = "bytes".equals(type) && !field.has("size")
                    || "array".equals(type) && "remaining".equals(field.path("count").asText(""));
            Optional<Integer> offset = integer(field.path("offset"));
            if (rest && offset.isPresent() && offset.get() >= maxSize.get()) {
                out.warning(at + "/fields/" + i, "field-always-empty", "field '" + field.path("name").asText("")
                        + "' takes the rest of the payload from offset " + offset.get() + ", but max-size is "
                        + maxSize.get() + ", so it is always empty: raise max-size to the largest answer");
            }
        }
    }

    /** @return the value of a JSON integer or a decimal or 0x-hex string, if it is one and fits an int */
    static Optional<Integer> integer(JsonNode node) {
        try {
            BigInteger value;
            if (node.isIntegralNumber()) {
                value = node.bigIntegerValue();
            } else if (node.isTextual() && node.textValue().trim().toLowerCase().startsWith("0x")) {
                value = new BigInteger(node.textValue().trim().substring(2), 16);
            } else if (node.isTextual()) {
                value = new BigInteger(node.textValue().trim());
            } else {
                return Optional.empty();
            }
            return value.signum() < 0 || value.bitLength() > 31 ? Optional.empty() : Optional.of(value.intValue());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @return true if the kebab-case name has the segment {@code vendor} */
    static boolean nameSaysVendor(String name) {
        return Arrays.asList(name.split("-")).contains("vendor");
    }

    /** @return true if the text has the word {@code vendor}, in any case */
    static boolean textSaysVendor(String text) {
        return VENDOR_WORD.matcher(text).find();
    }

    private static Set<DeviceKind> kinds(JsonNode kinds) {
        Set<DeviceKind> all = EnumSet.noneOf(DeviceKind.class);
        for (JsonNode kind : kinds) {
            try {
                all.add(DeviceKind.parse(kind.asText()));
            } catch (IllegalArgumentException e) {
                // the parser reports unknown kinds; lint judges the table by the kinds it knows
            }
        }
        return all;
    }

    private static Set<Effect> effects(JsonNode effects) {
        Set<Effect> all = EnumSet.noneOf(Effect.class);
        effects.forEach(e -> effect(e).ifPresent(all::add));
        return all;
    }

    private static Optional<Effect> effect(JsonNode id) {
        try {
            return id.isTextual() ? Optional.of(Effect.parse(id.textValue())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Level> level(JsonNode id) {
        try {
            return id.isTextual() ? Optional.of(Level.parse(id.textValue())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String log(Effect.Family family) {
        return family == Effect.Family.CXL ? "the CXL Command Effects Log"
                : "the NVMe Commands Supported and Effects log";
    }

    private static String ids(Set<Effect> effects) {
        return effects.stream().map(Effect::id).sorted().toList().toString();
    }
}
