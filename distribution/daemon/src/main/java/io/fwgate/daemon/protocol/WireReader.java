package io.fwgate.daemon.protocol;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.Effect;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.platform.AuditVerification;
import io.fwgate.platform.BackgroundProgress;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;
import io.fwgate.platform.CommandView;
import io.fwgate.platform.PluginView;
import io.fwgate.platform.StatusView;
import io.fwgate.tables.FieldSpec;

/**
 * Reads the maps {@link Wire} writes, as {@link JsonText} parses them, back into the platform's values, for
 * a client. An answer that does
 * not have the documented shape fails with an {@link IOException} naming the member, as
 * {@code result[0].kind}. Stateless.
 */
public final class WireReader {
    private WireReader() {
    }

    /** A value of the answer (plain values, as {@link JsonText} reads them) and where it is, for messages. */
    private record At(Object node, String path) {
        At get(String member) throws IOException {
            if (!(node instanceof Map<?, ?> map)) {
                throw wrong(path, "not an object");
            }
            if (!map.containsKey(member)) {
                throw wrong(path + "." + member, "missing");
            }
            return new At(map.get(member), path + "." + member);
        }

        boolean isNull() {
            return node == null;
        }

        String text(String member) throws IOException {
            return get(member).text();
        }

        String text() throws IOException {
            if (!(node instanceof String text)) {
                throw wrong(path, "not a string");
            }
            return text;
        }

        Optional<String> optionalText(String member) throws IOException {
            return get(member).isNull() ? Optional.empty() : Optional.of(text(member));
        }

        long number(String member) throws IOException {
            return get(member).number();
        }

        long number() throws IOException {
            if (node instanceof Integer || node instanceof Long) {
                return ((Number) node).longValue();
            }
            throw wrong(path, "not an integer");
        }

        boolean bool(String member) throws IOException {
            At child = get(member);
            if (!(child.node instanceof Boolean bool)) {
                throw wrong(child.path, "not a boolean");
            }
            return bool;
        }

        List<At> elements() throws IOException {
            if (!(node instanceof List<?> list)) {
                throw wrong(path, "not an array");
            }
            List<At> elements = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                elements.add(new At(list.get(i), path + "[" + i + "]"));
            }
            return elements;
        }

        List<String> texts(String member) throws IOException {
            List<String> texts = new ArrayList<>();
            for (At element : get(member).elements()) {
                texts.add(element.text());
            }
            return texts;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object() throws IOException {
            if (!(node instanceof Map<?, ?>)) {
                throw wrong(path, "not an object");
            }
            return (Map<String, Object>) node;
        }

        <T> T parsed(String member, Parser<T> parser) throws IOException {
            String text = text(member);
            try {
                return parser.parse(text);
            } catch (IllegalArgumentException e) {
                throw wrong(path + "." + member, e.getMessage());
            }
        }
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static IOException wrong(String path, String problem) {
        return new IOException("the daemon's answer is not understood: " + path + ": " + problem);
    }

    private static int opcode(At at, String member) throws IOException {
        return at.parsed(member, text -> {
            if (!text.startsWith("0x")) {
                throw new IllegalArgumentException("not a 0x hex opcode: " + text);
            }
            return Integer.parseInt(text.substring(2), 16);
        });
    }

    /**
     * @param result the {@code result} of a {@code devices} answer
     * @return the devices
     * @throws IOException if it is not a list of devices
     */
    public static List<DeviceInfo> devices(Object result) throws IOException {
        List<DeviceInfo> devices = new ArrayList<>();
        for (At at : new At(result, "result").elements()) {
            Optional<String> pci = at.optionalText("pci");
            int vendor = -1;
            int device = -1;
            if (pci.isPresent()) {
                String[] ids = pci.get().split(":");
                if (ids.length != 2) {
                    throw wrong(at.path + ".pci", "not vvvv:dddd");
                }
                try {
                    vendor = Integer.parseInt(ids[0], 16);
                    device = Integer.parseInt(ids[1], 16);
                } catch (NumberFormatException e) {
                    throw wrong(at.path + ".pci", "not hex: " + pci.get());
                }
            }
            devices.add(new DeviceInfo(at.parsed("id", DeviceId::parse), at.parsed("kind", DeviceKind::parse), vendor,
                    device, at.optionalText("serial"), at.text("description")));
        }
        return devices;
    }

    /**
     * @param result the {@code result} of a {@code commands} answer
     * @return the commands
     * @throws IOException if it is not a list of commands
     */
    public static List<CommandView> commands(Object result) throws IOException {
        List<CommandView> commands = new ArrayList<>();
        for (At at : new At(result, "result").elements()) {
            List<FieldSpec> arguments = new ArrayList<>();
            for (At argument : at.get("arguments").elements()) {
                arguments.add(new FieldSpec(argument.text("name"), argument.text("type"), argument.text("description"),
                        argument.optionalText("default"), argument.texts("enum")));
            }
            commands.add(new CommandView(at.text("name"), opcode(at, "opcode"), at.text("description"),
                    at.parsed("level", Level::parse), at.parsed("reach", Reach::parse),
                    effects(at, "declared-effects"), effects(at, "device-effects"), arguments, at.text("plugin")));
        }
        return commands;
    }

    private static Set<Effect> effects(At at, String member) throws IOException {
        Set<Effect> effects = EnumSet.noneOf(Effect.class);
        for (String id : at.texts(member)) {
            try {
                effects.add(Effect.parse(id));
            } catch (IllegalArgumentException e) {
                throw wrong(at.path + "." + member, e.getMessage());
            }
        }
        return effects;
    }

    /**
     * @param result the {@code result} of a {@code call} answer
     * @return the call's answer
     * @throws IOException if it is not a call result
     */
    public static CallResult result(Object result) throws IOException {
        At at = new At(result, "result");
        return new CallResult(at.parsed("device", DeviceId::parse), at.text("command"), opcode(at, "opcode"),
                at.parsed("level", Level::parse), at.parsed("reach", Reach::parse), (int) at.number("status"),
                at.text("status-name"), at.get("response").object(), at.number("audit-sequence"));
    }

    /**
     * @param result the {@code result} of a {@code plugins} answer
     * @return the plugins
     * @throws IOException if it is not a list of plugins
     */
    public static List<PluginView> plugins(Object result) throws IOException {
        List<PluginView> plugins = new ArrayList<>();
        for (At at : new At(result, "result").elements()) {
            plugins.add(new PluginView(at.text("bundle"), at.text("version"), at.text("state"), at.text("reason"),
                    at.text("detail"), at.texts("tables"), (int) at.number("commands")));
        }
        return plugins;
    }

    /**
     * @param result the {@code result} of a {@code status} answer
     * @return the status
     * @throws IOException if it is not a status
     */
    public static StatusView status(Object result) throws IOException {
        At at = new At(result, "result");
        At caller = at.get("caller");
        List<At> groupNodes = caller.get("groups").elements();
        long[] groups = new long[groupNodes.size()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = groupNodes.get(i).number();
        }
        return new StatusView(at.bool("tainted"), at.optionalText("taint"), at.text("role"),
                new Caller(caller.number("uid"), caller.number("gid"), groups),
                at.parsed("granted-level", Level::parse),
                at.parsed("granted-reach", Reach::parse), at.text("config-dir"), at.text("state-dir"),
                at.bool("dev-mode"));
    }

    /**
     * @param result the {@code result} of a {@code progress} answer
     * @return the progress
     * @throws IOException if it is not a progress report
     */
    public static BackgroundProgress progress(Object result) throws IOException {
        At at = new At(result, "result");
        int opcode = at.get("opcode").isNull() ? -1 : opcode(at, "opcode");
        return new BackgroundProgress(at.bool("running"), (int) at.number("percent"), opcode, (int) at.number("status"),
                at.text("status-name"));
    }

    /**
     * @param result the {@code result} of a {@code verify} answer
     * @return the verdict
     * @throws IOException if it is not a verdict
     */
    public static AuditVerification verification(Object result) throws IOException {
        At at = new At(result, "result");
        return new AuditVerification(at.bool("intact"), at.number("records"), at.text("problem"));
    }

    /**
     * @param result the {@code result} of an {@code audit} answer
     * @return the records, oldest first
     * @throws IOException if it is not a list of objects
     */
    public static List<Map<String, Object>> records(Object result) throws IOException {
        List<Map<String, Object>> records = new ArrayList<>();
        for (At at : new At(result, "result").elements()) {
            records.add(at.object());
        }
        return records;
    }
}
