package io.fwgate.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fwgate.daemon.protocol.Protocol.ErrorKind;
import io.fwgate.daemon.protocol.Protocol.Op;

/** Every kind of bad request line gets its documented error kind and a message naming the problem. */
class RequestParserTest {
    private static Request parse(String line) throws ProtocolError {
        return RequestParser.parse(line.getBytes(StandardCharsets.UTF_8));
    }

    private static ProtocolError rejected(String line) {
        try {
            parse(line);
        } catch (ProtocolError e) {
            return e;
        }
        throw new AssertionError("accepted: " + line);
    }

    @Test
    void aCallWithEveryMemberIsRead() throws ProtocolError {
        Request request = parse("{\"fwgate\":1,\"id\":\"a-1\",\"op\":\"call\",\"device\":\"emu:mem0\","
                + "\"command\":\"get-lsa\",\"arguments\":{\"offset\":\"0x10\",\"length\":64},\"confirm\":true}");

        assertThat(request).isEqualTo(new Request("a-1", Op.CALL, "emu:mem0", "get-lsa",
                Map.of("offset", "0x10", "length", "64"), true, 0));
    }

    @Test
    void optionalMembersDefault() throws ProtocolError {
        assertThat(parse("{\"fwgate\":1,\"id\":5,\"op\":\"call\",\"device\":\"emu:mem0\",\"command\":\"identify\"}"))
                .isEqualTo(new Request(5L, Op.CALL, "emu:mem0", "identify", Map.of(), false, 0));
        assertThat(parse("{\"op\":\"audit\",\"id\":6,\"fwgate\":1,\"limit\":3}").limit()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "{", "{\"fwgate\":1,\"id\":1,\"op\":\"devices\"", "not json", "[1,2]", "42",
            "\"devices\"", "null", "{\"fwgate\":1}{\"fwgate\":1}", "{'fwgate':1}" })
    void anythingButOneJsonObjectIsMalformed(String line) {
        ProtocolError error = rejected(line);

        assertThat(error.kind()).isEqualTo(ErrorKind.MALFORMED);
        assertThat(error.id()).isNull();
        assertThat(error.closes()).isFalse();
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] line = { '{', '"', 'f', (byte) 0xc3, '"', ':', '1', '}' };

        assertThatExceptionOfType(ProtocolError.class).isThrownBy(() -> RequestParser.parse(line))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED))
                .withMessageContaining("UTF-8");
    }

    @Test
    void duplicateMembersAreMalformed() {
        assertThat(rejected("{\"fwgate\":1,\"id\":1,\"id\":2,\"op\":\"devices\"}").kind())
                .isEqualTo(ErrorKind.MALFORMED);
    }

    @Test
    void anotherVersionIsUnsupportedAndTheIdIsEchoed() {
        ProtocolError two = rejected("{\"fwgate\":2,\"id\":9,\"op\":\"devices\"}");
        ProtocolError text = rejected("{\"fwgate\":\"1\",\"id\":9,\"op\":\"devices\"}");

        assertThat(two.kind()).isEqualTo(ErrorKind.UNSUPPORTED_VERSION);
        assertThat(two.id()).isEqualTo(9L);
        assertThat(two).hasMessageContaining("speaks 1");
        assertThat(text.kind()).isEqualTo(ErrorKind.UNSUPPORTED_VERSION);
    }

    @Test
    void missingVersionIdOrOpAreInvalid() {
        assertThat(rejected("{\"id\":1,\"op\":\"devices\"}")).hasMessageContaining("'fwgate'");
        assertThat(rejected("{\"fwgate\":1,\"op\":\"devices\"}")).hasMessageContaining("missing member 'id'");
        assertThat(rejected("{\"fwgate\":1,\"id\":1}")).hasMessageContaining("missing member 'op'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "true", "1.5", "[1]", "{}", "null", "99999999999999999999" })
    void anIdMustBeAStringOrAnInteger(String id) {
        ProtocolError error = rejected("{\"fwgate\":1,\"id\":" + id + ",\"op\":\"devices\"}");

        assertThat(error.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(error.id()).isNull();
        assertThat(error).hasMessageContaining("'id'");
    }

    @Test
    void anOverlongIdIsInvalid() {
        assertThat(rejected("{\"fwgate\":1,\"id\":\"" + "x".repeat(129) + "\",\"op\":\"devices\"}").kind())
                .isEqualTo(ErrorKind.INVALID_REQUEST);
    }

    @Test
    void anUnknownOpIsInvalidAndListsTheKnownOnes() {
        ProtocolError error = rejected("{\"fwgate\":1,\"id\":1,\"op\":\"reboot\"}");

        assertThat(error.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(error).hasMessageContaining("unknown op 'reboot'").hasMessageContaining("devices, commands, call");
        assertThat(error.id()).isEqualTo(1L);
    }

    @ParameterizedTest
    @ValueSource(strings = { "uid", "gid", "groups", "caller", "user" })
    void identityMembersAreUnknownMembersSaidToBeIgnoredNever(String member) {
        ProtocolError error = rejected("{\"fwgate\":1,\"id\":1,\"op\":\"status\",\"" + member + "\":0}");

        assertThat(error.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(error).hasMessageContaining("unknown member '" + member + "'")
                .hasMessageContaining("requests carry no identity");
    }

    @Test
    void aMemberAnotherOpTakesIsUnknownHere() {
        assertThat(rejected("{\"fwgate\":1,\"id\":1,\"op\":\"devices\",\"device\":\"emu:mem0\"}"))
                .hasMessageContaining("unknown member 'device' for op devices");
        assertThat(rejected("{\"fwgate\":1,\"id\":1,\"op\":\"status\",\"verbose\":true}"))
                .hasMessageContaining("unknown member 'verbose'").hasMessageNotContaining("identity");
    }

    @Test
    void wrongTypesAreInvalidNamingTheMember() {
        String call = "{\"fwgate\":1,\"id\":1,\"op\":\"call\",\"device\":\"emu:mem0\",\"command\":\"x\"";
        assertThat(rejected(call + ",\"arguments\":[1]}")).hasMessageContaining("'arguments' must be an object");
        assertThat(rejected(call + ",\"arguments\":{\"a\":true}}")).hasMessageContaining("argument 'a'");
        assertThat(rejected(call + ",\"arguments\":{\"a\":1.5}}")).hasMessageContaining("argument 'a'");
        assertThat(rejected(call + ",\"confirm\":\"yes\"}")).hasMessageContaining("'confirm' must be true or false");
        assertThat(rejected("{\"fwgate\":1,\"id\":1,\"op\":\"call\",\"device\":7,\"command\":\"x\"}"))
                .hasMessageContaining("'device' must be a non-empty string");
        assertThat(rejected("{\"fwgate\":1,\"id\":1,\"op\":\"call\",\"device\":\"emu:mem0\"}"))
                .hasMessageContaining("missing member 'command'");
        assertThat(rejected("{\"fwgate\":1,\"id\":1,\"op\":\"audit\",\"limit\":-1}")).hasMessageContaining("'limit'");
        assertThat(rejected("{\"fwgate\":1,\"id\":1,\"op\":7}")).hasMessageContaining("'op' must be a string");
    }

    @Test
    void theIdOfABrokenRequestIsFoundWhenItCanBe() {
        assertThat(RequestParser.idOf("{\"id\":\"q\",\"op\":0}".getBytes(StandardCharsets.UTF_8))).isEqualTo("q");
        assertThat(RequestParser.idOf("{\"id\":".getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
