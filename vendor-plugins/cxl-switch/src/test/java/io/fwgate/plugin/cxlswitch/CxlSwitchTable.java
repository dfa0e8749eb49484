package io.fwgate.plugin.cxlswitch;

import io.fwgate.kit.ShippedTable;
import io.fwgate.tables.CommandSpec;

/** The shipped table, read from the bundle's resources as the platform reads it. */
final class CxlSwitchTable {
    static final ShippedTable SHIPPED = ShippedTable.read(CxlSwitchTable.class.getClassLoader(), "OSGI-INF/fwgate/cxl-switch.json");

    private CxlSwitchTable() {
    }

    static CommandSpec command(String name) {
        return SHIPPED.command(name);
    }
}
