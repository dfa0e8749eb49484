package io.fwgate.plugin.mctp;

import io.fwgate.kit.ShippedTable;
import io.fwgate.tables.CommandSpec;

/** The shipped table, read from the bundle's resources as the platform reads it. */
final class MctpTable {
    static final ShippedTable SHIPPED = ShippedTable.read(MctpTable.class.getClassLoader(), "OSGI-INF/fwgate/mctp.json");

    private MctpTable() {
    }

    static CommandSpec command(String name) {
        return SHIPPED.command(name);
    }
}
