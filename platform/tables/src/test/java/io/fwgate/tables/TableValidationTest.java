package io.fwgate.tables;

import static io.fwgate.tables.Fixtures.NO_REQUEST;
import static io.fwgate.tables.Fixtures.NO_RESPONSE;
import static io.fwgate.tables.Fixtures.command;
import static io.fwgate.tables.Fixtures.parse;
import static io.fwgate.tables.Fixtures.q;
import static io.fwgate.tables.Fixtures.table;
import static io.fwgate.tables.Problem.Kind.BAD_LAYOUT;
import static io.fwgate.tables.Problem.Kind.DUPLICATE_NAME;
import static io.fwgate.tables.Problem.Kind.DUPLICATE_OPCODE;
import static io.fwgate.tables.Problem.Kind.MALFORMED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One small bad table per problem the parser reports, with the kind and location expected. */
class TableValidationTest {
    private static final String REQ = "/commands/0/request";
    private static final String RSP = "/commands/0/response";

    @ParameterizedTest(name = "{0}")
    @MethodSource({ "malformedTables", "malformedCommands", "malformedFields", "badRequestLayouts",
            "badResponseLayouts", "transportValuesAndIndexes", "duplicates" })
    void reportsTheProblemWithItsKindAndLocation(String what, Problem.Kind kind, String location, String json) {
        ParseResult result = parse(json);

        assertThat(result.table()).isEmpty();
        assertThat(result.problems()).extracting(Problem::kind, Problem::location).contains(
                org.assertj.core.groups.Tuple.tuple(kind, location));
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }

    static Stream<Arguments> malformedTables() {
        return Stream.of(
                bad("not JSON", MALFORMED, "", "{'format': 1,"),
                bad("not an object", MALFORMED, "", "[1, 2]"),
                bad("a duplicate JSON key", MALFORMED, "",
                        "{'format': 1, 'format': 1, 'vendor': 'V', 'match': {'kinds': ['cxl-switch']}, 'commands': []}"),
                bad("trailing content", MALFORMED, "", table() + " {}"),
                bad("unknown format version", MALFORMED, "/format",
                        "{'format': 2, 'vendor': 'V', 'match': {'kinds': ['cxl-switch']}, 'commands': []}"),
                bad("format of the wrong type", MALFORMED, "/format",
                        "{'format': '1', 'vendor': 'V', 'match': {'kinds': ['cxl-switch']}, 'commands': []}"),
                bad("missing commands", MALFORMED, "/commands",
                        "{'format': 1, 'vendor': 'V', 'match': {'kinds': ['cxl-switch']}}"),
                bad("vendor of the wrong type", MALFORMED, "/vendor",
                        "{'format': 1, 'vendor': 7, 'match': {'kinds': ['cxl-switch']}, 'commands': []}"),
                bad("an unknown top-level member", MALFORMED, "/vendr",
                        "{'format': 1, 'vendr': 'V', 'vendor': 'V', 'match': {'kinds': ['cxl-switch']}, 'commands': []}"),
                bad("an unknown device kind", MALFORMED, "/match/kinds/0",
                        "{'format': 1, 'vendor': 'V', 'match': {'kinds': ['gpu']}, 'commands': []}"),
                bad("no device kinds", MALFORMED, "/match/kinds",
                        "{'format': 1, 'vendor': 'V', 'match': {'kinds': []}, 'commands': []}"),
                bad("a PCI vendor id out of range", MALFORMED, "/match/pci-vendor-ids/0",
                        "{'format': 1, 'vendor': 'V', 'match': {'kinds': ['cxl-switch'], 'pci-vendor-ids': ['0x10000']},"
                                + " 'commands': []}"));
    }

    static Stream<Arguments> malformedCommands() {
        String ok = "'description': 'd', 'effects': [], 'level': 'telemetry', 'response': " + NO_RESPONSE;
        return Stream.of(
                bad("a command name that is not kebab-case", MALFORMED, "/commands/0/name",
                        table(command("Get_LSA", "0x4102", NO_REQUEST, NO_RESPONSE))),
                bad("a missing opcode", MALFORMED, "/commands/0/opcode", table("{'name': 'c', " + ok + "}")),
                bad("a CXL opcode out of range", MALFORMED, "/commands/0/opcode",
                        table(command("c", "0x10000", NO_REQUEST, NO_RESPONSE))),
                bad("a negative opcode", MALFORMED, "/commands/0/opcode",
                        table("{'name': 'c', 'opcode': -1, " + ok + "}")),
                bad("an opcode that is not a number", MALFORMED, "/commands/0/opcode",
                        table(command("c", "get", NO_REQUEST, NO_RESPONSE))),
                bad("an NVMe opcode out of range", MALFORMED, "/commands/0/opcode",
                        q("{'format': 1, 'vendor': 'V', 'match': {'kinds': ['nvme-controller']}, 'commands': ["
                                + command("c", "0x100", NO_REQUEST, NO_RESPONSE) + "]}")),
                bad("an unknown effect", MALFORMED, "/commands/0/effects/1",
                        table("{'name': 'c', 'opcode': 1, 'description': 'd', 'effects': ['log-change-immediate',"
                                + " 'explodes'], 'level': 'telemetry', 'response': " + NO_RESPONSE + "}")),
                bad("an effect listed twice", MALFORMED, "/commands/0/effects/1",
                        table("{'name': 'c', 'opcode': 1, 'description': 'd', 'effects': ['log-change-immediate',"
                                + " 'log-change-immediate'], 'level': 'configuration', 'response': " + NO_RESPONSE + "}")),
                bad("an unknown level", MALFORMED, "/commands/0/level",
                        table("{'name': 'c', 'opcode': 1, 'description': 'd', 'effects': [], 'level': 'root',"
                                + " 'response': " + NO_RESPONSE + "}")),
                bad("an unknown command member", MALFORMED, "/commands/0/descripton",
                        table("{'name': 'c', 'opcode': 1, 'descripton': 'd', " + ok + "}")),
                bad("a missing response", MALFORMED, "/commands/0/response",
                        table("{'name': 'c', 'opcode': 1, 'description': 'd', 'effects': [], 'level': 'telemetry'}")),
                bad("a request that is not an object", MALFORMED, REQ, table(command("[]", NO_RESPONSE))),
                bad("a missing request size", MALFORMED, REQ + "/size", table(command("{'fields': []}", NO_RESPONSE))),
                bad("a negative request size", MALFORMED, REQ + "/size", table(command("{'size': -1}", NO_RESPONSE))),
                bad("a fractional max-size", MALFORMED, RSP + "/max-size",
                        table(command(NO_REQUEST, "{'max-size': 1.5, 'fields': []}"))),
                bad("a resource over 1 MiB", MALFORMED, "",
                        "{'format': 1, 'vendor': '" + "x".repeat(1 << 20) + "', 'match': {'kinds': ['cxl-switch']},"
                                + " 'commands': []}"),
                bad("JSON nested absurdly deep", MALFORMED, "", table("[".repeat(200) + "]".repeat(200))));
    }

    static Stream<Arguments> malformedFields() {
        return Stream.of(
                bad("a field name that is not kebab-case", MALFORMED, REQ + "/fields/0/name",
                        req(1, "{'name': 'Length', 'offset': 0, 'type': 'u8'}")),
                bad("two fields with one name", MALFORMED, REQ + "/fields/1/name",
                        req(2, "{'name': 'a', 'offset': 0, 'type': 'u8'}", "{'name': 'a', 'offset': 1, 'type': 'u8'}")),
                bad("an unknown request type", MALFORMED, REQ + "/fields/0/type",
                        req(4, "{'name': 'a', 'offset': 0, 'type': 'u24'}")),
                bad("an array in a request", MALFORMED, REQ + "/fields/0/type",
                        req(4, "{'name': 'a', 'offset': 0, 'type': 'array'}")),
                bad("an unknown response type", MALFORMED, RSP + "/fields/0/type",
                        rsp(4, "{'name': 'a', 'offset': 0, 'type': 'float'}")),
                bad("an unknown field member", MALFORMED, REQ + "/fields/0/sise",
                        req(4, "{'name': 'a', 'offset': 0, 'type': 'bytes', 'sise': 4}")),
                bad("both offset and param", MALFORMED, REQ + "/fields/0",
                        req(4, "{'name': 'a', 'offset': 0, 'param': 'cdw10', 'type': 'u32'}")),
                bad("neither offset nor param", MALFORMED, REQ + "/fields/0", req(4, "{'name': 'a', 'type': 'u32'}")),
                bad("an unknown parameter", MALFORMED, REQ + "/fields/0/param",
                        req(0, "{'name': 'a', 'param': 'cdw9', 'type': 'u32'}")),
                bad("shift without width", MALFORMED, REQ + "/fields/0",
                        req(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'shift': 2}")),
                bad("a zero width", MALFORMED, REQ + "/fields/0/width",
                        req(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'shift': 2, 'width': 0}")),
                bad("an enum on a string", MALFORMED, REQ + "/fields/0/enum",
                        req(4, "{'name': 'a', 'offset': 0, 'type': 'string', 'size': 4, 'enum': {'x': 1}}")),
                bad("a bad enum name", MALFORMED, REQ + "/fields/0/enum/Fast",
                        req(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'enum': {'Fast': 1}}")),
                bad("both default and value", MALFORMED, REQ + "/fields/0",
                        req(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'default': '1', 'value': '2'}")),
                bad("a size on an integer", MALFORMED, REQ + "/fields/0/size",
                        req(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'size': 1}")),
                bad("a string without a size", MALFORMED, REQ + "/fields/0/size",
                        req(4, "{'name': 'a', 'offset': 0, 'type': 'string'}")),
                bad("an endian on bytes", MALFORMED, REQ + "/fields/0/endian",
                        req(4, "{'name': 'a', 'offset': 0, 'type': 'bytes', 'size': 4, 'endian': 'big'}")),
                bad("an unknown endian", MALFORMED, REQ + "/fields/0/endian",
                        req(4, "{'name': 'a', 'offset': 0, 'type': 'u32', 'endian': 'middle'}")),
                bad("a min that is not a number", MALFORMED, REQ + "/fields/0/min",
                        req(4, "{'name': 'a', 'offset': 0, 'type': 'u32', 'min': 'one'}")),
                bad("a zero scale", MALFORMED, RSP + "/fields/0/scale",
                        rsp(4, "{'name': 'a', 'offset': 0, 'type': 'u32', 'scale': 0}")),
                bad("scale on a string", MALFORMED, RSP + "/fields/0/scale",
                        rsp(4, "{'name': 'a', 'offset': 0, 'type': 'string', 'size': 4, 'scale': 2}")),
                bad("enum and flags together", MALFORMED, RSP + "/fields/0",
                        rsp(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'enum': {'1': 'x'}, 'flags': {'0': 'y'}}")),
                bad("scale on a flags field", MALFORMED, RSP + "/fields/0",
                        rsp(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'scale': 2, 'flags': {'0': 'y'}}")),
                bad("a flag key that is no bit number", MALFORMED, RSP + "/fields/0/flags/64",
                        rsp(8, "{'name': 'a', 'offset': 0, 'type': 'u64', 'flags': {'64': 'y'}}")),
                bad("an enum key that is not a number", MALFORMED, RSP + "/fields/0/enum/one",
                        rsp(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'enum': {'one': 'x'}}")),
                bad("bool without shift", MALFORMED, RSP + "/fields/0/bool",
                        rsp(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'bool': true}")),
                bad("an array without count", MALFORMED, RSP + "/fields/0/count",
                        rsp(8, "{'name': 'a', 'offset': 0, 'type': 'array', 'stride': 1,"
                                + " 'fields': [{'name': 'b', 'offset': 0, 'type': 'u8'}]}")),
                bad("an array without fields", MALFORMED, RSP + "/fields/0/fields",
                        rsp(8, "{'name': 'a', 'offset': 0, 'type': 'array', 'count': 1, 'stride': 1, 'fields': []}")),
                bad("a stride on an integer", MALFORMED, RSP + "/fields/0/stride",
                        rsp(8, "{'name': 'a', 'offset': 0, 'type': 'u8', 'stride': 1}")),
                bad("two response fields with one name", MALFORMED, RSP + "/fields/1/name",
                        rsp(2, "{'name': 'a', 'offset': 0, 'type': 'u8'}", "{'name': 'a', 'offset': 1, 'type': 'u8'}")),
                bad("arrays nested nine deep", MALFORMED, RSP + "/fields/0" + "/fields/0".repeat(8),
                        rsp(64, nestedArrays(9))));
    }

    static Stream<Arguments> badRequestLayouts() {
        return Stream.of(
                bad("overlapping bytes", BAD_LAYOUT, REQ + "/fields/1",
                        req(8, "{'name': 'a', 'offset': 0, 'type': 'u32'}", "{'name': 'b', 'offset': 2, 'type': 'u16'}")),
                bad("a field over a string", BAD_LAYOUT, REQ + "/fields/1",
                        req(8, "{'name': 'a', 'offset': 0, 'type': 'string', 'size': 8}",
                                "{'name': 'b', 'offset': 7, 'type': 'u8'}")),
                bad("overlapping bits of one integer", BAD_LAYOUT, REQ + "/fields/1",
                        req(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'shift': 0, 'width': 3}",
                                "{'name': 'b', 'offset': 0, 'type': 'u8', 'shift': 2, 'width': 3}")),
                bad("a whole integer over a bit field", BAD_LAYOUT, REQ + "/fields/1",
                        req(4, "{'name': 'a', 'offset': 0, 'type': 'u32', 'shift': 0, 'width': 3}",
                                "{'name': 'b', 'offset': 0, 'type': 'u8'}")),
                bad("overlapping bits of one parameter", BAD_LAYOUT, REQ + "/fields/1",
                        req(0, "{'name': 'a', 'param': 'cdw10', 'type': 'u32', 'shift': 0, 'width': 8}",
                                "{'name': 'b', 'param': 'cdw10', 'type': 'u8'}")),
                bad("a field outside the payload", BAD_LAYOUT, REQ + "/fields/0",
                        req(4, "{'name': 'a', 'offset': 2, 'type': 'u32'}")),
                bad("a request size over 1 MiB", BAD_LAYOUT, REQ + "/size", table(command("{'size': 1048577}", NO_RESPONSE))),
                bad("a variable field that is not last", BAD_LAYOUT, REQ + "/fields/0",
                        req(4, "{'name': 'data', 'offset': 4, 'type': 'bytes'}", "{'name': 'a', 'offset': 0, 'type': 'u32'}")),
                bad("a variable field inside the fixed part", BAD_LAYOUT, REQ + "/fields/1",
                        req(8, "{'name': 'a', 'offset': 0, 'type': 'u32'}", "{'name': 'data', 'offset': 4, 'type': 'bytes'}")),
                bad("max-size without a variable field", BAD_LAYOUT, REQ + "/max-size",
                        table(command("{'size': 4, 'max-size': 8, 'fields': [{'name': 'a', 'offset': 0, 'type': 'u32'}]}",
                                NO_RESPONSE))),
                bad("max-size below size", BAD_LAYOUT, REQ + "/max-size",
                        table(command("{'size': 4, 'max-size': 2, 'fields': [{'name': 'd', 'offset': 4, 'type': 'bytes'}]}",
                                NO_RESPONSE))),
                bad("a bit field wider than its type", BAD_LAYOUT, REQ + "/fields/0/width",
                        req(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'shift': 6, 'width': 4}")),
                bad("a bit field wider than its parameter", BAD_LAYOUT, REQ + "/fields/0/width",
                        req(0, "{'name': 'a', 'param': 'cdw11', 'type': 'u32', 'shift': 30, 'width': 4}")),
                bad("a 64-bit parameter", BAD_LAYOUT, REQ + "/fields/0",
                        req(0, "{'name': 'a', 'param': 'cdw12', 'type': 'u64'}")),
                bad("a default that does not fit", BAD_LAYOUT, REQ + "/fields/0/default",
                        req(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'default': '256'}")),
                bad("a default outside max", BAD_LAYOUT, REQ + "/fields/0/default",
                        req(4, "{'name': 'a', 'offset': 0, 'type': 'u32', 'max': 10, 'default': '11'}")),
                bad("a constant that does not fit", BAD_LAYOUT, REQ + "/fields/0/value",
                        req(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'shift': 0, 'width': 2, 'value': '4'}")),
                bad("a default of the wrong byte length", BAD_LAYOUT, REQ + "/fields/0/default",
                        req(4, "{'name': 'a', 'offset': 0, 'type': 'bytes', 'size': 4, 'default': '0102'}")),
                bad("an enum value that does not fit", BAD_LAYOUT, REQ + "/fields/0/enum/big",
                        req(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'shift': 0, 'width': 2, 'enum': {'big': 4}}")),
                bad("a min outside the type", BAD_LAYOUT, REQ + "/fields/0/min",
                        req(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'min': -1}")),
                bad("a min above max", BAD_LAYOUT, REQ + "/fields/0/min",
                        req(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'min': 9, 'max': 3}")));
    }

    static Stream<Arguments> badResponseLayouts() {
        String element = "'fields': [{'name': 'b', 'offset': 0, 'type': 'u32'}]";
        return Stream.of(
                bad("a field reading past max-size", BAD_LAYOUT, RSP + "/fields/1",
                        rsp(6, "{'name': 'a', 'offset': 0, 'type': 'u32'}", "{'name': 'b', 'offset': 4, 'type': 'u32'}")),
                bad("a string reading past max-size", BAD_LAYOUT, RSP + "/fields/0",
                        rsp(8, "{'name': 'a', 'offset': 0, 'type': 'string', 'size': 16}")),
                bad("a fixed array reading past max-size", BAD_LAYOUT, RSP + "/fields/0",
                        rsp(8, "{'name': 'a', 'offset': 0, 'type': 'array', 'count': 3, 'stride': 4, " + element + "}")),
                bad("an element field past its stride", BAD_LAYOUT, RSP + "/fields/0/fields/0",
                        rsp(64, "{'name': 'a', 'offset': 0, 'type': 'array', 'count': 'remaining', 'stride': 2, "
                                + element + "}")),
                bad("a variable bytes field inside an array", BAD_LAYOUT, RSP + "/fields/0/fields/0",
                        rsp(64, "{'name': 'a', 'offset': 0, 'type': 'array', 'count': 2, 'stride': 4,"
                                + " 'fields': [{'name': 'b', 'offset': 0, 'type': 'bytes'}]}")),
                bad("a count naming no field", BAD_LAYOUT, RSP + "/fields/0/count",
                        rsp(64, "{'name': 'a', 'offset': 0, 'type': 'array', 'count': 'n', 'stride': 4, " + element + "}")),
                bad("a count naming a later field", BAD_LAYOUT, RSP + "/fields/0/count",
                        rsp(64, "{'name': 'a', 'offset': 4, 'type': 'array', 'count': 'n', 'stride': 4, " + element + "}",
                                "{'name': 'n', 'offset': 0, 'type': 'u32'}")),
                bad("a count naming a string", BAD_LAYOUT, RSP + "/fields/1/count",
                        rsp(64, "{'name': 'n', 'offset': 0, 'type': 'string', 'size': 4}",
                                "{'name': 'a', 'offset': 4, 'type': 'array', 'count': 'n', 'stride': 4, " + element + "}")),
                bad("both fields and decoder", BAD_LAYOUT, RSP,
                        table(command(NO_REQUEST, "{'max-size': 4, 'fields': [], 'decoder': 'd'}"))),
                bad("neither fields nor decoder", BAD_LAYOUT, RSP, table(command(NO_REQUEST, "{'max-size': 4}"))),
                bad("a max-size over 1 MiB", BAD_LAYOUT, RSP + "/max-size",
                        table(command(NO_REQUEST, "{'max-size': 1048577, 'fields': []}"))),
                bad("a response bit field wider than its type", BAD_LAYOUT, RSP + "/fields/0/width",
                        rsp(2, "{'name': 'a', 'offset': 0, 'type': 'u16', 'shift': 12, 'width': 5}")),
                bad("an enum key that does not fit", BAD_LAYOUT, RSP + "/fields/0/enum/256",
                        rsp(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'enum': {'256': 'x'}}")),
                bad("a special key that does not fit", BAD_LAYOUT, RSP + "/fields/0/special/8",
                        rsp(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'shift': 0, 'width': 3, 'special': {'8': 'x'}}")),
                bad("a flag outside the field", BAD_LAYOUT, RSP + "/fields/0/flags/8",
                        rsp(1, "{'name': 'a', 'offset': 0, 'type': 'u8', 'flags': {'8': 'x'}}")));
    }

    static Stream<Arguments> transportValuesAndIndexes() {
        String element = "'fields': [{'name': 'v', 'offset': 0, 'type': 'u8'}]";
        return Stream.of(
                bad("an unknown source", MALFORMED, RSP + "/fields/0/source",
                        rsp(0, "{'name': 'a', 'source': 'dw1', 'type': 'u32'}")),
                bad("a source that is not a string", MALFORMED, RSP + "/fields/0/source",
                        rsp(0, "{'name': 'a', 'source': 1, 'type': 'u32'}")),
                bad("a result read as bytes", MALFORMED, RSP + "/fields/0/source",
                        rsp(4, "{'name': 'a', 'source': 'result', 'type': 'bytes', 'size': 4}")),
                bad("a result read as a string", MALFORMED, RSP + "/fields/0/source",
                        rsp(4, "{'name': 'a', 'source': 'result', 'type': 'string', 'size': 4}")),
                bad("a result with an offset", MALFORMED, RSP + "/fields/0/offset",
                        rsp(4, "{'name': 'a', 'source': 'result', 'offset': 0, 'type': 'u32'}")),
                bad("a result with an endian", MALFORMED, RSP + "/fields/0/endian",
                        rsp(0, "{'name': 'a', 'source': 'result', 'type': 'u32', 'endian': 'big'}")),
                bad("a result inside an array", MALFORMED, RSP + "/fields/0/fields/0/source",
                        rsp(4, "{'name': 'a', 'offset': 0, 'type': 'array', 'count': 1, 'stride': 4, 'fields': ["
                                + "{'name': 'v', 'source': 'result', 'type': 'u32'}]}")),
                bad("a payload field without an offset", MALFORMED, RSP + "/fields/0/offset",
                        rsp(4, "{'name': 'a', 'source': 'payload', 'type': 'u32'}")),
                bad("an index on an integer", MALFORMED, RSP + "/fields/0/index",
                        rsp(4, "{'name': 'a', 'offset': 0, 'type': 'u32', 'index': 'i'}")),
                bad("an index that is not kebab-case", MALFORMED, RSP + "/fields/0/index",
                        rsp(4, "{'name': 'a', 'offset': 0, 'type': 'array', 'count': 1, 'stride': 1, 'index': 'Op', "
                                + element + "}")),
                bad("an index named like a field of the element", MALFORMED, RSP + "/fields/0/index",
                        rsp(4, "{'name': 'a', 'offset': 0, 'type': 'array', 'count': 1, 'stride': 1, 'index': 'v', "
                                + element + "}")));
    }

    static Stream<Arguments> duplicates() {
        return Stream.of(
                bad("two commands with one name", DUPLICATE_NAME, "/commands/1/name",
                        table(command("c", "0x4000", NO_REQUEST, NO_RESPONSE), command("c", "0x4001", NO_REQUEST, NO_RESPONSE))),
                bad("two commands with one opcode", DUPLICATE_OPCODE, "/commands/1/opcode",
                        table(command("a", "0x4000", NO_REQUEST, NO_RESPONSE), command("b", "16384", NO_REQUEST, NO_RESPONSE))),
                bad("one opcode with the same constant", DUPLICATE_OPCODE, "/commands/1/opcode",
                        nvme(command("a", "0x06", cns(8, "1"), NO_RESPONSE), command("b", "0x06", cns(8, "0x01"), NO_RESPONSE))),
                bad("one opcode with constants in bits that do not overlap", DUPLICATE_OPCODE, "/commands/1/opcode",
                        nvme(command("a", "0x06", cns(0, "1"), NO_RESPONSE), command("b", "0x06",
                                "{'size': 0, 'fields': [{'name': 'c', 'param': 'cdw10', 'type': 'u32', 'shift': 8, 'width': 8, 'value': '2'}]}",
                                NO_RESPONSE))),
                bad("one opcode, a constant in another parameter", DUPLICATE_OPCODE, "/commands/1/opcode",
                        nvme(command("a", "0x06", cns(0, "1"), NO_RESPONSE), command("b", "0x06",
                                "{'size': 0, 'fields': [{'name': 'c', 'param': 'cdw11', 'type': 'u8', 'value': '2'}]}",
                                NO_RESPONSE))),
                bad("one opcode, one of them without a constant", DUPLICATE_OPCODE, "/commands/1/opcode",
                        nvme(command("a", "0x06", cns(0, "1"), NO_RESPONSE), command("b", "0x06", NO_REQUEST, NO_RESPONSE))),
                bad("a third command like the first of two that share an opcode", DUPLICATE_OPCODE, "/commands/2/opcode",
                        nvme(command("a", "0x02", cns(0, "1"), NO_RESPONSE), command("b", "0x02", cns(0, "2"), NO_RESPONSE),
                                command("c", "0x02", cns(0, "1"), NO_RESPONSE))));
    }

    @Test
    void commandsSharingAnOpcodeAreFineWhenConstantParameterBitsTellThemApart() {
        // Identify: CNS in cdw10 bits 7:0; a wider constant field covering those bits counts too
        ParseResult result = parse(q(nvme(command("identify-controller", "0x06", cns(0, "1"), NO_RESPONSE),
                command("identify-namespace", "0x06", cns(0, "0"), NO_RESPONSE),
                command("active-namespaces", "0x06",
                        "{'size': 0, 'fields': [{'name': 'word', 'param': 'cdw10', 'type': 'u32', 'value': '0x00000002'},"
                                + " {'name': 'nsid', 'param': 'nsid', 'type': 'u32', 'default': '0'}]}", NO_RESPONSE))));

        assertThat(result.problems()).isEmpty();
        CommandTable table = result.table().orElseThrow();
        assertThat(table.commands().get(0).request().distinguishedFrom(table.commands().get(1).request())).isTrue();
        assertThat(table.commands().get(2).request().distinguishedFrom(table.commands().get(0).request())).isTrue();
        assertThat(table.commands().get(0).request().distinguishedFrom(table.commands().get(0).request())).isFalse();
    }

    @Test
    void noResourceIsMalformed() {
        ParseResult result = TableParser.parse("none", null);

        assertThat(result.problems()).extracting(Problem::kind).containsExactly(MALFORMED);
    }

    @Test
    void aResourceOfExactly1MiBIsRead() {
        String padding = " ".repeat((1 << 20) - table().length());
        byte[] json = (table() + padding).getBytes(StandardCharsets.UTF_8);

        assertThat(TableParser.parse("big", json).problems()).isEmpty();
    }

    @Test
    void bitFieldsThatShareAnIntegerAndDoNotOverlapAreFine() {
        ParseResult result = parse(req(4,
                "{'name': 'a', 'offset': 0, 'type': 'u32', 'shift': 0, 'width': 3}",
                "{'name': 'b', 'offset': 0, 'type': 'u32', 'shift': 3, 'width': 29}",
                "{'name': 'c', 'param': 'cdw10', 'type': 'u8'}",
                "{'name': 'd', 'param': 'cdw10', 'type': 'u8', 'shift': 8, 'width': 8}"));

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void arraysNestedEightDeepAreFine() {
        assertThat(parse(rsp(64, nestedArrays(8))).problems()).isEmpty();
    }

    private static Arguments bad(String what, Problem.Kind kind, String location, String json) {
        return Arguments.of(what, kind, location, q(json));
    }

    private static String nvme(String... commands) {
        return "{'format': 1, 'vendor': 'V', 'match': {'kinds': ['nvme-controller']}, 'commands': ["
                + String.join(", ", commands) + "]}";
    }

    /** A request whose cdw10 bits 7:0, shifted by {@code shift}, hold a constant selector. */
    private static String cns(int shift, String value) {
        return "{'size': 0, 'fields': [{'name': 'cns', 'param': 'cdw10', 'type': 'u32', 'shift': " + shift
                + ", 'width': 8, 'value': '" + value + "'}]}";
    }

    private static String req(int size, String... fields) {
        return table(command("{'size': " + size + ", 'fields': [" + String.join(", ", fields) + "]}", NO_RESPONSE));
    }

    private static String rsp(int maxSize, String... fields) {
        return table(command(NO_REQUEST, "{'max-size': " + maxSize + ", 'fields': [" + String.join(", ", fields) + "]}"));
    }

    /** @return a response field holding {@code depth} arrays, one inside the other */
    private static String nestedArrays(int depth) {
        String inner = "{'name': 'v', 'offset': 0, 'type': 'u8'}";
        for (int i = 0; i < depth; i++) {
            inner = "{'name': 'a', 'offset': 0, 'type': 'array', 'count': 1, 'stride': 1, 'fields': [" + inner + "]}";
        }
        return inner;
    }
}
