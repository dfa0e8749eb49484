package io.fwgate.daemon.protocol;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fwgate.api.DeviceInfo;
import io.fwgate.api.Effect;
import io.fwgate.platform.AuditVerification;
import io.fwgate.platform.BackgroundProgress;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;
import io.fwgate.platform.CommandView;
import io.fwgate.platform.PluginView;
import io.fwgate.platform.StatusView;
import io.fwgate.tables.FieldSpec;

/**
 * The platform's values as ordered, kebab-case JSON maps: the {@code result} members of the protocol and
 * what the CLI prints with {@code --json}, one definition for both. {@link WireReader} reads them back.
 * Numbers stay numbers (Long, BigInteger) so scripts can compare them. Stateless.
 */
public final class Wire {
    private Wire() {
    }

    /**
     * @param opcode a command opcode
     * @return it as four hex digits, e.g. {@code 0x4000}
     */
    public static String opcode(int opcode) {
        return String.format("0x%04x", opcode);
    }

    /**
     * @param device a device
     * @return {@code vvvv:dddd} in hex, or {@code -} when the transport does not know the PCI ids
     */
    public static String pci(DeviceInfo device) {
        if (device.pciVendorId() < 0 || device.pciDeviceId() < 0) {
            return "-";
        }
        return String.format("%04x:%04x", device.pciVendorId(), device.pciDeviceId());
    }

    /** @return id, kind, pci (or null), serial (or null), description */
    public static Map<String, Object> device(DeviceInfo device) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", device.id().toString());
        map.put("kind", device.kind().id());
        map.put("pci", device.pciVendorId() < 0 || device.pciDeviceId() < 0 ? null : pci(device));
        map.put("serial", device.serial().orElse(null));
        map.put("description", device.description());
        return map;
    }

    /** @return a command with the level and reach it needs, its effects and its arguments */
    public static Map<String, Object> command(CommandView command) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", command.name());
        map.put("opcode", opcode(command.opcode()));
        map.put("description", command.description());
        map.put("level", command.level().id());
        map.put("reach", command.reach().id());
        map.put("declared-effects", effects(command.declaredEffects()));
        map.put("device-effects", effects(command.deviceEffects()));
        map.put("arguments", command.arguments().stream().map(Wire::argument).toList());
        map.put("plugin", command.plugin());
        return map;
    }

    /** @return effect ids in the order of {@link Effect} */
    public static List<String> effects(Set<Effect> effects) {
        return effects.stream().sorted().map(Effect::id).toList();
    }

    /** @return name, type, default (or null), enum, description */
    public static Map<String, Object> argument(FieldSpec field) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", field.name());
        map.put("type", field.type());
        map.put("default", field.defaultValue().orElse(null));
        map.put("enum", field.enumNames());
        map.put("description", field.description());
        return map;
    }

    /** @return a call's answer, {@code ok} included for scripts */
    public static Map<String, Object> result(CallResult result) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("device", result.device().toString());
        map.put("command", result.command());
        map.put("opcode", opcode(result.opcode()));
        map.put("level", result.level().id());
        map.put("reach", result.reach().id());
        map.put("status", result.status());
        map.put("status-name", result.statusName());
        map.put("ok", result.ok());
        map.put("response", result.response());
        map.put("audit-sequence", result.auditSequence());
        return map;
    }

    /** @return a plugin bundle as the platform sees it */
    public static Map<String, Object> plugin(PluginView plugin) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("bundle", plugin.bundle());
        map.put("version", plugin.version());
        map.put("state", plugin.state());
        map.put("reason", plugin.reason());
        map.put("detail", plugin.detail());
        map.put("tables", plugin.tables());
        map.put("commands", plugin.commands());
        return map;
    }

    /** @return taint, role, the caller and its grant, the directories, development mode */
    public static Map<String, Object> status(StatusView status) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("tainted", status.tainted());
        map.put("taint", status.taint().orElse(null));
        map.put("role", status.role());
        map.put("caller", caller(status.caller()));
        map.put("granted-level", status.grantedLevel().id());
        map.put("granted-reach", status.grantedReach().id());
        map.put("config-dir", status.configDir());
        map.put("state-dir", status.stateDir());
        map.put("dev-mode", status.devMode());
        return map;
    }

    /** @return uid, gid, groups */
    public static Map<String, Object> caller(Caller caller) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("uid", caller.uid());
        map.put("gid", caller.gid());
        map.put("groups", Arrays.stream(caller.groups()).boxed().toList());
        return map;
    }

    /** @return running, percent, opcode (null when the device does not say), status, status-name */
    public static Map<String, Object> progress(BackgroundProgress progress) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("running", progress.running());
        map.put("percent", progress.percent());
        map.put("opcode", progress.opcode() < 0 ? null : opcode(progress.opcode()));
        map.put("status", progress.status());
        map.put("status-name", progress.statusName());
        return map;
    }

    /** @return intact, records, problem */
    public static Map<String, Object> verification(AuditVerification verdict) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("intact", verdict.intact());
        map.put("records", verdict.records());
        map.put("problem", verdict.problem());
        return map;
    }
}
