package io.fwgate.plugin.cxlmem;

import io.fwgate.kit.ShippedTable;
import io.fwgate.tables.CommandSpec;

/** The shipped table, read from the bundle's resources as the platform reads it. */
final class CxlMemTable {
    static final ShippedTable SHIPPED = ShippedTable.read(CxlMemTable.class.getClassLoader(), "OSGI-INF/fwgate/cxl-mem.json");

    private CxlMemTable() {
    }

    static CommandSpec command(String name) {
        return SHIPPED.command(name);
    }
}
