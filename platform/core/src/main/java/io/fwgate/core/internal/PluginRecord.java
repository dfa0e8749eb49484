package io.fwgate.core.internal;

import java.util.List;
import java.util.Optional;

import io.fwgate.platform.PluginView;
import io.fwgate.platform.RefusalReason;
import io.fwgate.tables.CommandTable;

/**
 * One plugin bundle's tables as the registry holds them: accepted, or refused with a reason. Immutable.
 *
 * @param bundleId the framework's bundle id (scopes Java decoders to their own bundle)
 * @param symbolicName the bundle's symbolic name
 * @param version the bundle's version
 * @param resources the table resources the bundle declares
 * @param tables the parsed tables (empty when refused)
 * @param refusal why the bundle's tables are not callable, if they are not
 * @param detail the refusal's detail
 */
record PluginRecord(long bundleId, String symbolicName, String version, List<String> resources,
        List<CommandTable> tables, Optional<RefusalReason> refusal, String detail) {

    PluginRecord {
        resources = List.copyOf(resources);
        tables = List.copyOf(tables);
    }

    PluginRecord refused(RefusalReason reason, String why) {
        return new PluginRecord(bundleId, symbolicName, version, resources, List.of(), Optional.of(reason), why);
    }

    boolean active() {
        return refusal.isEmpty();
    }

    /**
     * @param misbehaving what an active plugin does wrong now (a decoder that has not returned), if anything
     * @return the plugin as users see it
     */
    PluginView view(Optional<String> misbehaving) {
        int commands = tables.stream().mapToInt(t -> t.commands().size()).sum();
        return new PluginView(symbolicName, version, active() ? "ACTIVE" : "REFUSED",
                refusal.map(RefusalReason::id).orElse(""), active() ? misbehaving.orElse(detail) : detail,
                resources, commands);
    }
}
