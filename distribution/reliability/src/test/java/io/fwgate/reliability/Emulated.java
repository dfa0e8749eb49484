package io.fwgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What the daemon's emulated fabric offers, asked through the protocol. */
final class Emulated {
    private Emulated() {
    }

    /**
     * @param socket the daemon's socket
     * @return for each emulated device, a telemetry command with no required argument that succeeds there
     */
    static Map<String, String> telemetryCommands(Path socket) throws IOException {
        Map<String, String> chosen = new LinkedHashMap<>();
        try (Wire wire = new Wire(socket)) {
            for (JsonNode device : wire.ask(wire.request("devices")).path("result")) {
                String id = device.path("id").asText();
                for (JsonNode command : wire.ask(wire.request("commands").put("device", id)).path("result")) {
                    if (runsBare(command) && wire.ask(wire.call(id, command.path("name").asText(), Map.of(), false))
                            .path("result").path("ok").asBoolean()) {
                        chosen.put(id, command.path("name").asText());
                        break;
                    }
                }
            }
        }
        assertThat(chosen).containsKey("emu:mem0");
        return chosen;
    }

    private static boolean runsBare(JsonNode command) {
        for (JsonNode argument : command.path("arguments")) {
            if (argument.path("default").isNull()) {
                return false;
            }
        }
        return "telemetry".equals(command.path("level").asText()) && command.path("declared-effects").isEmpty();
    }
}
