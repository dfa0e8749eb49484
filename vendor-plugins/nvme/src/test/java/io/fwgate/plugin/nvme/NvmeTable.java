package io.fwgate.plugin.nvme;

import io.fwgate.kit.ShippedTable;
import io.fwgate.tables.CommandSpec;

/** The shipped table, read from the bundle's resources as the platform reads it. */
final class NvmeTable {
    static final ShippedTable SHIPPED = ShippedTable.read(NvmeTable.class.getClassLoader(), "OSGI-INF/fwgate/nvme.json");

    private NvmeTable() {
    }

    static CommandSpec command(String name) {
        return SHIPPED.command(name);
    }
}
