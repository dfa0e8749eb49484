package io.fwgate.plugin.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.Stream;

import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.ParseResult;
import io.fwgate.tables.TableParser;

/** The shipped tables, read from the bundle's resources as the platform reads them. */
final class AcmeTables {
    static final String CXL = "OSGI-INF/fwgate/acme-cxl.json";
    static final String NVME = "OSGI-INF/fwgate/acme-nvme.json";

    private static final ParseResult CXL_RESULT = read(CXL);
    private static final ParseResult NVME_RESULT = read(NVME);

    private AcmeTables() {
    }

    static ParseResult parse(String resource) {
        return resource.equals(CXL) ? CXL_RESULT : NVME_RESULT;
    }

    private static ParseResult read(String resource) {
        try (InputStream in = AcmeTables.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return TableParser.parse(resource, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CommandTable cxl() {
        return CXL_RESULT.table().orElseThrow();
    }

    static CommandTable nvme() {
        return NVME_RESULT.table().orElseThrow();
    }

    /** @return the command of either table with this name */
    static CommandSpec command(String name) {
        return Stream.concat(cxl().commands().stream(), nvme().commands().stream())
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
