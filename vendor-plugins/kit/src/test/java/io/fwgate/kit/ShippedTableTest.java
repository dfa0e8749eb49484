package io.fwgate.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedTableTest {
    private static final String VALID = """
            { "format": 1, "vendor": "Example", "match": { "kinds": ["cxl-memory-device"] },
              "commands": [ { "name": "get-widget", "opcode": "0xc000", "description": "Get Widget",
                              "effects": [], "level": "telemetry",
                              "response": { "max-size": 2, "fields": [ { "name": "w", "offset": 0, "type": "u16" } ] } } ] }
            """;

    @TempDir
    Path resources;

    private ClassLoader loaderWith(String name, String json) throws Exception {
        Path file = resources.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return new URLClassLoader(new URL[] {resources.toUri().toURL()}, null);
    }

    @Test
    void readsATableAsThePlatformParsesIt() throws Exception {
        ShippedTable table = ShippedTable.read(loaderWith("OSGI-INF/fwgate/x.json", VALID), "OSGI-INF/fwgate/x.json");

        assertThat(table.result().problems()).isEmpty();
        assertThat(table.command("get-widget").opcode()).isEqualTo(0xc000);
        assertThatThrownBy(() -> table.command("get-gadget")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("'get-gadget'").hasMessageContaining("x.json");
    }

    @Test
    void anInvalidTableSaysWhyWhenItsTableIsAskedFor() throws Exception {
        ShippedTable table = ShippedTable.read(loaderWith("t.json", VALID.replace("\"format\": 1", "\"format\": 2")),
                "t.json");

        assertThat(table.result().problems()).isNotEmpty();
        assertThatThrownBy(table::table).isInstanceOf(IllegalStateException.class).hasMessageContaining("/format");
    }

    @Test
    void aMissingResourceIsNamed() throws Exception {
        ClassLoader empty = loaderWith("other.json", VALID);

        assertThatThrownBy(() -> ShippedTable.read(empty, "OSGI-INF/fwgate/none.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OSGI-INF/fwgate/none.json");
    }
}
