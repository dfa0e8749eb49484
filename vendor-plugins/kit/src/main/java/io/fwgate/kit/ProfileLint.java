package io.fwgate.kit;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.fwgate.emulator.kit.EmulatedFabric;

/**
 * Lint of an emulation profile: the emulator's own check, with the place it names (such as
 * {@code devices[0].opcodes[1].effects[0]}) turned into a JSON pointer and a line.
 */
final class ProfileLint {
    /** The emulator's place, then its problem: {@code devices[0].identity.serial: ...}. */
    private static final Pattern PLACE = Pattern.compile(
            "^([a-z][a-z0-9-]*(?:\\[\\d+])*(?:\\.[a-z][a-z0-9-]*(?:\\[\\d+])*)*): (.*)$", Pattern.DOTALL);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ProfileLint() {
    }

    /** @return true if the bytes are a JSON object with {@code devices} and without {@code commands} */
    static boolean isProfile(byte[] json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            return root != null && root.isObject() && root.has("devices") && !root.has("commands");
        } catch (IOException e) {
            return false;
        }
    }

    static List<Finding> lint(String source, byte[] json) {
        try {
            EmulatedFabric.check(json);
            return List.of();
        } catch (IllegalArgumentException e) {
            FindingList out = new FindingList(source, JsonLines.of(json));
            Matcher place = PLACE.matcher(e.getMessage());
            String pointer = place.matches() ? pointer(place.group(1)) : "";
            out.error(pointer, "bad-emulation-profile", "the emulator ignores this profile: " + e.getMessage());
            return out.list();
        }
    }

    /** @return {@code devices[0].opcodes[1]} as {@code /devices/0/opcodes/1} */
    private static String pointer(String place) {
        return "/" + place.replace("[", "/").replace("]", "").replace('.', '/');
    }
}
