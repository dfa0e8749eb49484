package io.fwgate.plugin.acme;

import java.util.stream.Stream;

import io.fwgate.kit.ShippedTable;
import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.ParseResult;

/** The shipped tables, read from the bundle's resources as the platform reads them. */
final class AcmeTables {
    static final String CXL = "OSGI-INF/fwgate/acme-cxl.json";
    static final String NVME = "OSGI-INF/fwgate/acme-nvme.json";

    private static final ShippedTable CXL_TABLE = ShippedTable.read(AcmeTables.class.getClassLoader(), CXL);
    private static final ShippedTable NVME_TABLE = ShippedTable.read(AcmeTables.class.getClassLoader(), NVME);

    private AcmeTables() {
    }

    static ParseResult parse(String resource) {
        return (resource.equals(CXL) ? CXL_TABLE : NVME_TABLE).result();
    }

    static CommandTable cxl() {
        return CXL_TABLE.table();
    }

    static CommandTable nvme() {
        return NVME_TABLE.table();
    }

    /** @return the command of either table with this name */
    static CommandSpec command(String name) {
        return Stream.concat(cxl().commands().stream(), nvme().commands().stream())
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
