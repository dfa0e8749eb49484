package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.fwgate.api.Effect;
import io.fwgate.api.Level;

/** Reads one command of a table. */
final class CommandReader {
    private static final Set<String> MEMBERS = Set.of("name", "opcode", "description", "effects", "level",
            "request", "response");

    private CommandReader() {
    }

    /**
     * @param node the command's JSON
     * @param path its location
     * @param maxOpcode the largest opcode the table's device kinds have
     * @param problems where problems go
     * @return the command, or empty if it has problems
     */
    static Optional<CommandModel> read(JsonNode node, String path, int maxOpcode, Problems problems) {
        Optional<Members> found = Members.of(node, path, "a command", problems);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Members m = found.get();
        int before = problems.count();
        m.allowOnly(MEMBERS);
        Optional<String> name = RequestFieldReader.name(m, RequestFieldReader.NAME);
        Optional<BigInteger> opcode = m.number("opcode", true);
        if (opcode.isPresent() && (opcode.get().signum() < 0 || opcode.get().compareTo(BigInteger.valueOf(maxOpcode)) > 0)) {
            problems.malformed(m.path("opcode"), "opcode " + Numbers.hex(opcode.get()) + " is out of range (0 to 0x"
                    + Integer.toHexString(maxOpcode) + " for the table's device kinds)");
        }
        Optional<String> description = m.string("description", true);
        Set<Effect> effects = effects(m);
        Optional<Level> level = level(m);
        Optional<RequestModel> request = m.has("request")
                ? m.object("request", false).flatMap(RequestReader::read)
                : Optional.of(new RequestModel(0, 0, List.of()));
        Optional<ResponseModel> response = m.object("response", true).flatMap(ResponseReader::read);
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new CommandModel(name.orElseThrow(), opcode.orElseThrow().intValue(),
                description.orElseThrow(), effects, level.orElseThrow(), request.orElseThrow(),
                response.orElseThrow()));
    }

    private static Set<Effect> effects(Members m) {
        Set<Effect> effects = EnumSet.noneOf(Effect.class);
        List<JsonNode> ids = m.array("effects", true).orElse(List.of());
        for (int i = 0; i < ids.size(); i++) {
            String where = m.path("effects") + "/" + i;
            JsonNode id = ids.get(i);
            if (!id.isTextual()) {
                m.problems().malformed(where, "an effect must be a string");
                continue;
            }
            try {
                if (!effects.add(Effect.parse(id.textValue()))) {
                    m.problems().malformed(where, "effect '" + id.textValue() + "' is listed twice");
                }
            } catch (IllegalArgumentException e) {
                m.problems().malformed(where, e.getMessage());
            }
        }
        return effects;
    }

    private static Optional<Level> level(Members m) {
        Optional<String> id = m.string("level", true);
        try {
            return id.map(Level::parse);
        } catch (IllegalArgumentException e) {
            m.problems().malformed(m.path("level"), e.getMessage());
            return Optional.empty();
        }
    }
}
