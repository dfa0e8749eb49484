package io.fwgate.daemon.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.fwgate.daemon.protocol.Protocol;
import io.fwgate.daemon.protocol.Protocol.ErrorKind;
import io.fwgate.daemon.protocol.Protocol.Op;

/**
 * Checks one request line against protocol version 1 (docs/protocol.md): strict UTF-8, one JSON object,
 * no duplicate members, the version, a string or integer id, a known op and exactly the members that op
 * takes, each of its type. A member no op takes is refused by name, identity-looking ones included: the
 * caller's identity comes from the kernel, never from the request. Stateless.
 */
final class RequestParser {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();
    private static final Set<String> HEADER = Set.of(Protocol.VERSION_MEMBER, Protocol.ID, Protocol.OP);
    private static final Set<String> IDENTITY = Set.of("uid", "gid", "groups", "caller", "user", "group", "pid",
            "identity", "credentials");

    private RequestParser() {
    }

    /**
     * @param line one request line, without its newline
     * @return the request
     * @throws ProtocolError {@code malformed}, {@code unsupported-version} or {@code invalid-request}, with the
     *         request's id when it could be read
     */
    static Request parse(byte[] line) throws ProtocolError {
        JsonNode root = json(line);
        Object id = id(root);
        JsonNode version = root.get(Protocol.VERSION_MEMBER);
        if (version == null) {
            throw invalid("missing member 'fwgate' (the protocol version, 1)", id);
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() != Protocol.VERSION) {
            throw new ProtocolError(ErrorKind.UNSUPPORTED_VERSION, "protocol version " + version
                    + " is not supported; this daemon speaks " + Protocol.VERSION, id);
        }
        if (id == null) {
            throw invalid(root.has(Protocol.ID) ? "member 'id' must be a string of at most "
                    + Protocol.MAX_ID_LENGTH + " characters or an integer" : "missing member 'id'", null);
        }
        JsonNode opNode = root.get(Protocol.OP);
        if (opNode == null || !opNode.isTextual()) {
            throw invalid(opNode == null ? "missing member 'op'" : "member 'op' must be a string", id);
        }
        Op op = Op.parse(opNode.textValue()).orElseThrow(() -> invalid("unknown op '" + opNode.textValue()
                + "' (one of devices, commands, call, progress, plugins, status, audit, verify)", id));
        onlyMembers(root, op, id);
        return new Request(id, op, device(root, op, id), op == Op.CALL ? text(root, "command", id) : null,
                arguments(root, id), bool(root, "confirm", id), limit(root, id));
    }

    /**
     * @param line a request line, perhaps invalid
     * @return its id if the line is a JSON object with a valid one, else null
     */
    static Object idOf(byte[] line) {
        try {
            return id(json(line));
        } catch (ProtocolError e) {
            return null;
        }
    }

    private static JsonNode json(byte[] line) throws ProtocolError {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolError(ErrorKind.MALFORMED, "the request is not valid UTF-8", null);
        }
        JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProtocolError(ErrorKind.MALFORMED, "the request is not valid JSON: " + e.getOriginalMessage(),
                    null);
        }
        if (root == null || !root.isObject()) {
            throw new ProtocolError(ErrorKind.MALFORMED, "the request must be one JSON object on one line", null);
        }
        return root;
    }

    private static Object id(JsonNode root) {
        JsonNode id = root.get(Protocol.ID);
        if (id == null) {
            return null;
        }
        if (id.isTextual() && id.textValue().length() <= Protocol.MAX_ID_LENGTH) {
            return id.textValue();
        }
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            return id.longValue();
        }
        return null;
    }

    private static Set<String> members(Op op) {
        return switch (op) {
            case DEVICES, PLUGINS, STATUS, VERIFY -> Set.of();
            case COMMANDS, PROGRESS -> Set.of("device");
            case CALL -> Set.of("device", "command", "arguments", "confirm");
            case AUDIT -> Set.of("limit");
        };
    }

    private static void onlyMembers(JsonNode root, Op op, Object id) throws ProtocolError {
        Set<String> allowed = members(op);
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!HEADER.contains(name) && !allowed.contains(name)) {
                throw invalid("unknown member '" + name + "' for op " + op.id()
                        + (IDENTITY.contains(name) ? " (requests carry no identity: the daemon takes yours from"
                                + " the kernel)" : ""), id);
            }
        }
    }

    private static String device(JsonNode root, Op op, Object id) throws ProtocolError {
        return members(op).contains("device") ? text(root, "device", id) : null;
    }

    private static String text(JsonNode root, String member, Object id) throws ProtocolError {
        JsonNode node = root.get(member);
        if (node == null) {
            throw invalid("missing member '" + member + "'", id);
        }
        if (!node.isTextual() || node.textValue().isEmpty()) {
            throw invalid("member '" + member + "' must be a non-empty string", id);
        }
        return node.textValue();
    }

    private static Map<String, String> arguments(JsonNode root, Object id) throws ProtocolError {
        JsonNode node = root.get("arguments");
        Map<String, String> arguments = new LinkedHashMap<>();
        if (node == null) {
            return arguments;
        }
        if (!node.isObject()) {
            throw invalid("member 'arguments' must be an object of NAME: VALUE", id);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                arguments.put(field.getKey(), value.textValue());
            } else if (value.isIntegralNumber()) {
                arguments.put(field.getKey(), value.bigIntegerValue().toString());
            } else {
                throw invalid("argument '" + field.getKey() + "' must be a string or an integer", id);
            }
        }
        return arguments;
    }

    private static boolean bool(JsonNode root, String member, Object id) throws ProtocolError {
        JsonNode node = root.get(member);
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            throw invalid("member '" + member + "' must be true or false", id);
        }
        return node.booleanValue();
    }

    private static int limit(JsonNode root, Object id) throws ProtocolError {
        JsonNode node = root.get("limit");
        if (node == null) {
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw invalid("member 'limit' must be an integer from 0 (all records) to " + Integer.MAX_VALUE, id);
        }
        return node.intValue();
    }

    private static ProtocolError invalid(String message, Object id) {
        return new ProtocolError(ErrorKind.INVALID_REQUEST, message, id);
    }
}
