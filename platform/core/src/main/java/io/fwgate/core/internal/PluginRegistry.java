package io.fwgate.core.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.fwgate.api.DeviceInfo;
import io.fwgate.platform.RefusalReason;
import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.EffectMapping;

/**
 * All plugins' command tables. Readers see an immutable snapshot, so a plugin's new table replaces its
 * old one atomically and a call in flight keeps the table it started with. Writers are serialized.
 * Each snapshot remembers the commands it found for each device, so a call does not match every table
 * again; a new snapshot (a plugin admitted or removed) starts with none.
 */
final class PluginRegistry {
    /** A command bound to the plugin that declared it. */
    record Bound(CommandSpec spec, PluginRecord plugin) {
    }

    /**
     * The commands for one device, and the same by name, so a call finds its command in one lookup however
     * many plugins add commands to the device. Immutable.
     *
     * @param all in plugin and table order
     * @param byName the first command of each name in that order
     */
    record DeviceCommands(List<Bound> all, Map<String, Bound> byName) {
        static DeviceCommands of(List<Bound> all) {
            Map<String, Bound> byName = new HashMap<>();
            all.forEach(b -> byName.putIfAbsent(b.spec().name(), b));
            return new DeviceCommands(List.copyOf(all), Map.copyOf(byName));
        }

        /** @return the command of that name, or null */
        Bound named(String name) {
            return byName.get(name);
        }
    }

    /** How many devices a snapshot remembers before it starts over (devices come and go; memory must not grow). */
    private static final int DEVICES_REMEMBERED = 4096;

    /**
     * The plugins, and the commands found for each device: one shared list per set of matching tables,
     * so a thousand devices of one model hold one list.
     */
    private record Snapshot(List<PluginRecord> plugins, Map<DeviceInfo, DeviceCommands> byDevice,
            Map<BitSet, DeviceCommands> byTables) {
        Snapshot(List<PluginRecord> plugins) {
            this(List.copyOf(plugins), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    private final Supplier<PluginCaps> caps;
    /** How many removed plugins are remembered, so a call racing an update is told the plugin changed. */
    private static final int RETIRED_KEPT = 32;
    private volatile Snapshot snapshot = new Snapshot(List.of());
    private volatile List<PluginRecord> retired = List.of();

    /**
     * @param caps the caps in force, asked at each admission
     */
    PluginRegistry(Supplier<PluginCaps> caps) {
        this.caps = caps;
    }

    /**
     * Admits a plugin's tables, or records why not: a command above the plugin's cap, or a name or
     * opcode another active plugin already declares for the same devices.
     *
     * @param candidate the parsed plugin (possibly already refused by the parser)
     * @return the record as admitted
     */
    synchronized PluginRecord admit(PluginRecord candidate) {
        PluginRecord admitted = candidate.active() ? check(candidate) : candidate;
        List<PluginRecord> next = new ArrayList<>(plugins());
        next.removeIf(p -> p.bundleId() == candidate.bundleId());
        next.add(admitted);
        next.sort(Comparator.comparingLong(PluginRecord::bundleId));
        snapshot = new Snapshot(next);
        retired = retired.stream().filter(p -> p.bundleId() != candidate.bundleId()).toList();
        return admitted;
    }

    synchronized void remove(long bundleId) {
        List<PluginRecord> next = new ArrayList<>(plugins());
        List<PluginRecord> gone = new ArrayList<>(retired);
        next.stream().filter(p -> p.bundleId() == bundleId && p.active()).forEach(gone::add);
        next.removeIf(p -> p.bundleId() == bundleId);
        snapshot = new Snapshot(next);
        retired = List.copyOf(gone.subList(Math.max(0, gone.size() - RETIRED_KEPT), gone.size()));
    }

    /**
     * @param device a device
     * @param command a command name no active plugin declares for it
     * @return the removed (or updating) plugin that declared it, if one did
     */
    Optional<PluginRecord> retiredOwner(DeviceInfo device, String command) {
        for (PluginRecord plugin : retired) {
            for (CommandTable table : plugin.tables()) {
                if (table.match().matches(device)
                        && table.commands().stream().anyMatch(c -> c.name().equals(command))) {
                    return Optional.of(plugin);
                }
            }
        }
        return Optional.empty();
    }

    List<PluginRecord> plugins() {
        return snapshot.plugins();
    }

    /**
     * @param device a device
     * @return the commands of every active plugin whose tables match it, in plugin and table order; immutable
     */
    List<Bound> commandsFor(DeviceInfo device) {
        return commandsOf(device).all();
    }

    /**
     * @param device a device
     * @return the commands of every active plugin whose tables match it, also by name
     */
    DeviceCommands commandsOf(DeviceInfo device) {
        Snapshot now = snapshot;
        DeviceCommands known = now.byDevice().get(device);
        if (known != null) {
            return known;
        }
        BitSet matching = new BitSet();
        int index = 0;
        for (PluginRecord plugin : now.plugins()) {
            for (CommandTable table : plugin.tables()) {
                matching.set(index++, table.match().matches(device));
            }
        }
        DeviceCommands found = now.byTables().computeIfAbsent(matching,
                m -> DeviceCommands.of(bind(now.plugins(), m)));
        if (now.byDevice().size() >= DEVICES_REMEMBERED) {
            now.byDevice().clear();
        }
        now.byDevice().put(device, found);
        return found;
    }

    private static List<Bound> bind(List<PluginRecord> plugins, BitSet matching) {
        List<Bound> bound = new ArrayList<>();
        int index = 0;
        for (PluginRecord plugin : plugins) {
            for (CommandTable table : plugin.tables()) {
                if (matching.get(index++)) {
                    table.commands().forEach(spec -> bound.add(new Bound(spec, plugin)));
                }
            }
        }
        return bound;
    }

    private PluginRecord check(PluginRecord candidate) {
        Grant cap = caps.get().capOf(candidate.symbolicName());
        for (CommandTable table : candidate.tables()) {
            for (CommandSpec spec : table.commands()) {
                var level = spec.declaredLevel().max(EffectMapping.levelOf(spec.effects()));
                var reach = EffectMapping.reachOf(spec.effects());
                if (level.compareTo(cap.level()) > 0 || reach.compareTo(cap.reach()) > 0) {
                    return candidate.refused(RefusalReason.LEVEL_ABOVE_CAP, table.source() + ": command '"
                            + spec.name() + "' needs " + level.id() + "/" + reach.id() + ", above this plugin's cap "
                            + cap.level().id() + "/" + cap.reach().id());
                }
            }
            Optional<String> clash = clash(candidate, table);
            if (clash.isPresent()) {
                boolean byName = clash.get().startsWith("name");
                return candidate.refused(byName ? RefusalReason.DUPLICATE_NAME : RefusalReason.DUPLICATE_OPCODE,
                        table.source() + ": " + clash.get());
            }
        }
        return candidate;
    }

    private Optional<String> clash(PluginRecord candidate, CommandTable table) {
        for (PluginRecord other : plugins()) {
            if (!other.active() || other.bundleId() == candidate.bundleId()) {
                continue;
            }
            for (CommandTable theirs : other.tables()) {
                if (!table.match().overlaps(theirs.match())) {
                    continue;
                }
                for (CommandSpec mine : table.commands()) {
                    for (CommandSpec their : theirs.commands()) {
                        if (mine.name().equals(their.name())) {
                            return Optional.of("name '" + mine.name() + "' is already declared by " + other.symbolicName());
                        }
                        if (mine.opcode() == their.opcode() && !distinguished(mine, their)) {
                            return Optional.of(String.format("opcode 0x%04x (%s) is already declared by %s as '%s'",
                                    mine.opcode(), mine.name(), other.symbolicName(), their.name()));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** NVMe commands may share an opcode when constant command dword bits (CNS, LID) tell them apart. */
    private static boolean distinguished(CommandSpec a, CommandSpec b) {
        return a.request() != null && b.request() != null && a.request().distinguishedFrom(b.request());
    }
}
