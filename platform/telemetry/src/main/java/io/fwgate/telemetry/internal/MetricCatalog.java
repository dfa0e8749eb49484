package io.fwgate.telemetry.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.MetricField;

/**
 * Which response fields each plugin's commands mark as metrics, by the plugin's symbolic name (the name a
 * {@code CallEvent} carries) and the command's name. Thread-safe.
 */
final class MetricCatalog {
    private final ConcurrentMap<String, Plugin> plugins = new ConcurrentHashMap<>();

    private record Plugin(long bundleId, Map<String, List<MetricField>> commands) {
    }

    /**
     * @param bundleId the plugin bundle's id
     * @param symbolicName its symbolic name
     * @param tables its parsed tables
     */
    void add(long bundleId, String symbolicName, List<CommandTable> tables) {
        Map<String, List<MetricField>> commands = new ConcurrentHashMap<>();
        for (CommandTable table : tables) {
            for (CommandSpec command : table.commands()) {
                if (!command.response().metrics().isEmpty()) {
                    commands.put(command.name(), command.response().metrics());
                }
            }
        }
        plugins.put(symbolicName, new Plugin(bundleId, Map.copyOf(commands)));
    }

    /**
     * @param bundleId a bundle that stopped
     * @param symbolicName its symbolic name; an update that already replaced it is left alone
     */
    void remove(long bundleId, String symbolicName) {
        plugins.computeIfPresent(symbolicName, (name, plugin) -> plugin.bundleId() == bundleId ? null : plugin);
    }

    /**
     * @param plugin a plugin's symbolic name
     * @param command a command name
     * @return the fields that command's response marks as metrics, empty if none or unknown
     */
    List<MetricField> metricsOf(String plugin, String command) {
        Plugin found = plugins.get(plugin);
        return found == null ? List.of() : found.commands().getOrDefault(command, List.of());
    }
}
