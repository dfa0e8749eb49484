package io.fwgate.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTrackerCustomizer;

import io.fwgate.api.CommandTables;
import io.fwgate.platform.RefusalReason;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.ParseResult;
import io.fwgate.tables.Problem;
import io.fwgate.tables.TableParser;

/**
 * The extender: reads the command tables a started bundle lists in its {@code Fwgate-Command-Tables}
 * header, as data, through {@link Bundle#getEntry} (which loads no class of the bundle), and admits them
 * to the registry; a stopped bundle's tables leave with it.
 */
final class TableExtender implements BundleTrackerCustomizer<PluginRecord> {
    /** A table resource larger than this is refused unread. */
    static final int MAX_TABLE_BYTES = 1 << 20;
    private final PluginRegistry registry;

    TableExtender(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public PluginRecord addingBundle(Bundle bundle, BundleEvent event) {
        String header = bundle.getHeaders("").get(CommandTables.HEADER);
        if (header == null || header.isBlank()) {
            return null;
        }
        return registry.admit(read(bundle, header));
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, PluginRecord record) {
        // tables are read once per start; an update stops and restarts the bundle
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, PluginRecord record) {
        registry.remove(bundle.getBundleId());
    }

    static PluginRecord read(Bundle bundle, String header) {
        List<String> resources = new ArrayList<>();
        for (String part : header.split(",")) {
            if (!part.isBlank()) {
                resources.add(part.trim());
            }
        }
        PluginRecord plugin = new PluginRecord(bundle.getBundleId(), bundle.getSymbolicName(),
                bundle.getVersion().toString(), resources, List.of(), Optional.empty(), "");
        List<CommandTable> tables = new ArrayList<>();
        for (String resource : resources) {
            URL entry = bundle.getEntry(resource);
            if (entry == null) {
                return plugin.refused(RefusalReason.MISSING_RESOURCE, resource + " is not in the bundle");
            }
            byte[] bytes;
            try (InputStream in = entry.openStream()) {
                bytes = in.readNBytes(MAX_TABLE_BYTES + 1);
            } catch (IOException e) {
                return plugin.refused(RefusalReason.MISSING_RESOURCE, resource + " cannot be read: " + e.getMessage());
            }
            if (bytes.length > MAX_TABLE_BYTES) {
                return plugin.refused(RefusalReason.MALFORMED_TABLE, resource + " is larger than 1 MiB");
            }
            ParseResult result = TableParser.parse(bundle.getSymbolicName() + "!/" + resource, bytes);
            if (!result.problems().isEmpty()) {
                Problem first = result.problems().get(0);
                String more = result.problems().size() > 1 ? " (and " + (result.problems().size() - 1) + " more)" : "";
                return plugin.refused(reason(first.kind()), resource + first.location() + ": " + first.message() + more);
            }
            tables.add(result.table().orElseThrow());
        }
        return new PluginRecord(plugin.bundleId(), plugin.symbolicName(), plugin.version(), resources, tables,
                Optional.empty(), "");
    }

    static RefusalReason reason(Problem.Kind kind) {
        switch (kind) {
            case DUPLICATE_NAME:
                return RefusalReason.DUPLICATE_NAME;
            case DUPLICATE_OPCODE:
                return RefusalReason.DUPLICATE_OPCODE;
            case BAD_LAYOUT:
                return RefusalReason.BAD_LAYOUT;
            case LEVEL_CONTRADICTS_EFFECTS:
                return RefusalReason.LEVEL_CONTRADICTS_EFFECTS;
            default:
                return RefusalReason.MALFORMED_TABLE;
        }
    }
}
