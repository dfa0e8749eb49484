package io.fwgate.telemetry.internal;

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
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.ParseResult;
import io.fwgate.tables.TableParser;

/**
 * Reads the metric markings of every started plugin's command tables into the catalog, as data, the way the
 * core's extender reads the tables (the core does not tell which fields are metrics). A table the core
 * refuses contributes nothing here either: its commands never succeed, so no values arrive for them.
 */
final class TableTracker implements BundleTrackerCustomizer<String> {
    /** The core refuses larger table resources. */
    private static final int MAX_TABLE_BYTES = 1 << 20;
    private final MetricCatalog catalog;

    TableTracker(MetricCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String addingBundle(Bundle bundle, BundleEvent event) {
        String header = bundle.getHeaders("").get(CommandTables.HEADER);
        if (header == null || header.isBlank()) {
            return null;
        }
        List<CommandTable> tables = new ArrayList<>();
        for (String resource : header.split(",")) {
            if (!resource.isBlank()) {
                read(bundle, resource.trim()).ifPresent(tables::add);
            }
        }
        catalog.add(bundle.getBundleId(), bundle.getSymbolicName(), tables);
        return bundle.getSymbolicName();
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, String symbolicName) {
        // tables are read once per start, as the core reads them
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, String symbolicName) {
        catalog.remove(bundle.getBundleId(), symbolicName);
    }

    private static Optional<CommandTable> read(Bundle bundle, String resource) {
        URL entry = bundle.getEntry(resource);
        if (entry == null) {
            return Optional.empty();
        }
        try (InputStream in = entry.openStream()) {
            byte[] bytes = in.readNBytes(MAX_TABLE_BYTES + 1);
            if (bytes.length > MAX_TABLE_BYTES) {
                return Optional.empty();
            }
            ParseResult result = TableParser.parse(bundle.getSymbolicName() + "!/" + resource, bytes);
            return result.table();
        } catch (IOException e) {
            // the core refuses this plugin for the same reason and says so in `fwgate plugins`
            return Optional.empty();
        }
    }
}
