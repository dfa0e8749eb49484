package io.fwgate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

/** Small tables for tests, written with single quotes for readability. */
final class Fixtures {
    static final String NO_RESPONSE = "{'max-size': 0, 'fields': []}";
    static final String NO_REQUEST = "{'size': 0}";

    private Fixtures() {
    }

    /** @return {@code json} with single quotes turned into double quotes */
    static String q(String json) {
        return json.replace('\'', '"');
    }

    static String table(String... commands) {
        return q("{'format': 1, 'vendor': 'Test', 'match': {'kinds': ['cxl-memory-device']}, 'commands': ["
                + String.join(", ", commands) + "]}");
    }

    static String command(String name, String opcode, String request, String response) {
        return "{'name': '" + name + "', 'opcode': '" + opcode + "', 'description': 'a command', 'effects': [],"
                + " 'level': 'telemetry', 'request': " + request + ", 'response': " + response + "}";
    }

    static String command(String request, String response) {
        return command("cmd", "0x4000", request, response);
    }

    static ParseResult parse(String json) {
        return TableParser.parse("test.json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the only command of a table that must parse without problems */
    static CommandSpec only(String request, String response) {
        ParseResult result = parse(table(command(request, response)));
        assertThat(result.problems()).isEmpty();
        return result.table().orElseThrow().commands().get(0);
    }

    static RequestLayout request(String request) {
        return only(request, NO_RESPONSE).request();
    }

    static ResponseLayout response(String response) {
        return only(NO_REQUEST, response).response();
    }
}
