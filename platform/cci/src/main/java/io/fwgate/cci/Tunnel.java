package io.fwgate.cci;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Tunnel Management Command (5300h, CXL 3.x FM API command set 53h): its request
 * {@code { u8 port_or_ld_id; u8 target_type; u16 command_size; <CCI request> }} and its response
 * {@code { u16 response_length; u16 rsvd; <CCI response> }}, where the sizes count the whole inner
 * message, header included. A path of several hops nests one tunnel in another: the outermost names a
 * switch port, the next an LD of the MLD behind it. Every length is checked against the bytes that
 * arrived; no method throws anything but the documented exceptions, whatever the bytes. Stateless and
 * thread-safe.
 */
public final class Tunnel {
    /** Opcode of the Tunnel Management Command. */
    public static final int OPCODE = 0x5300;
    /** Size of the request's and the response's header before the inner message. */
    public static final int HEADER_SIZE = 4;
    /** The deepest nesting accepted; real fabrics need two (switch port, then LD). */
    public static final int MAX_DEPTH = 8;
    /** The largest inner message a 16-bit size field describes. */
    static final int MAX_INNER = 0xffff;

    private Tunnel() {
    }

    /**
     * Wraps a command in nested tunnel requests, one per hop.
     *
     * @param path the hops, outermost (the one the addressed CCI reads) first; 1 to {@link #MAX_DEPTH}
     * @param innerOpcode the opcode to run at the end of the path
     * @param innerPayload its payload
     * @return the payload of the outermost Tunnel Management Command request
     * @throws IllegalArgumentException if the path is empty or too deep, or a nested message does not fit
     *         a 16-bit command size
     */
    public static byte[] wrap(List<TunnelHop> path, int innerOpcode, byte[] innerPayload) {
        checkDepth(path);
        CciMessage message = CciMessage.request(0, innerOpcode, innerPayload);
        byte[] tunnel = request(path.get(path.size() - 1), message);
        for (int hop = path.size() - 2; hop >= 0; hop--) {
            tunnel = request(path.get(hop), CciMessage.request(0, OPCODE, tunnel));
        }
        return tunnel;
    }

    private static void checkDepth(List<TunnelHop> path) {
        if (path.isEmpty() || path.size() > MAX_DEPTH) {
            throw new IllegalArgumentException("a tunnel path has 1 to " + MAX_DEPTH + " hops, not " + path.size());
        }
    }

    /**
     * @param target the port or LD to deliver to
     * @param inner the request to deliver
     * @return the payload of one Tunnel Management Command request
     * @throws IllegalArgumentException if the inner message does not fit the 16-bit command size
     */
    public static byte[] request(TunnelHop target, CciMessage inner) {
        byte[] message = inner.encode();
        if (message.length > MAX_INNER) {
            throw new IllegalArgumentException("a tunneled message is at most " + MAX_INNER + " bytes, not "
                    + message.length);
        }
        return le(HEADER_SIZE + message.length).put((byte) target.id()).put((byte) target.targetType())
                .putShort((short) message.length).put(message).array();
    }

    /**
     * @param innerResponse the answer of the tunnel's target
     * @return the payload of the Tunnel Management Command's response that carries it
     * @throws IllegalArgumentException if the message does not fit the 16-bit response length
     */
    public static byte[] response(CciMessage innerResponse) {
        byte[] message = innerResponse.encode();
        if (message.length > MAX_INNER) {
            throw new IllegalArgumentException("a tunneled message is at most " + MAX_INNER + " bytes, not "
                    + message.length);
        }
        return le(HEADER_SIZE + message.length).putShort((short) message.length).putShort((short) 0).put(message)
                .array();
    }

    /**
     * @param payload a Tunnel Management Command request's payload
     * @return its target and inner request
     * @throws CciFormatException if the payload is shorter than a header and an empty message, the command
     *         size disagrees with the bytes that follow, the target type is unknown, or the inner message
     *         is malformed or not a request
     */
    public static TunnelRequest parseRequest(byte[] payload) throws CciFormatException {
        return parseRequest(payload, 1);
    }

    private static TunnelRequest parseRequest(byte[] payload, int level) throws CciFormatException {
        String where = "tunnel level " + level + " request";
        int size = innerSize(payload, where, "command size", 2);
        int type = Byte.toUnsignedInt(payload[1]);
        if (type != TunnelHop.PORT_OR_LD && type != TunnelHop.LD_POOL_CCI) {
            throw new CciFormatException(where + ": target type " + type + " at offset 1 is neither 0 (port or LD)"
                    + " nor 1 (LD pool CCI)");
        }
        CciMessage inner = CciMessage.decode(payload, HEADER_SIZE, size, where + " inner message");
        if (!inner.isRequest()) {
            throw new CciFormatException(where + ": the inner message is a response, not a request");
        }
        return new TunnelRequest(new TunnelHop(Byte.toUnsignedInt(payload[0]), type), inner);
    }

    /**
     * @param payload a Tunnel Management Command response's payload
     * @return the inner response it carries
     * @throws CciFormatException if the payload is too short, the response length disagrees with the bytes
     *         that follow, or the inner message is malformed or not a response
     */
    public static CciMessage parseResponse(byte[] payload) throws CciFormatException {
        return parseResponse(payload, 1);
    }

    private static CciMessage parseResponse(byte[] payload, int level) throws CciFormatException {
        String where = "tunnel level " + level + " response";
        int size = innerSize(payload, where, "response length", 0);
        CciMessage inner = CciMessage.decode(payload, HEADER_SIZE, size, where + " inner message");
        if (inner.isRequest()) {
            throw new CciFormatException(where + ": the inner message is a request, not a response");
        }
        return inner;
    }

    /** @return the u16 size at {@code offset}, checked against the bytes after the tunnel header */
    private static int innerSize(byte[] payload, String where, String field, int offset) throws CciFormatException {
        if (payload.length < HEADER_SIZE + CciMessage.HEADER_SIZE) {
            throw new CciFormatException(where + ": " + payload.length + " bytes, shorter than the " + HEADER_SIZE
                    + "-byte tunnel header and a " + CciMessage.HEADER_SIZE + "-byte CCI header");
        }
        int size = Short.toUnsignedInt(le(payload).getShort(offset));
        if (size != payload.length - HEADER_SIZE) {
            throw new CciFormatException(where + ": " + field + " (offset " + offset + ") says " + size
                    + " bytes, but " + (payload.length - HEADER_SIZE) + " follow the tunnel header");
        }
        return size;
    }

    /**
     * Opens the answer to a request made with {@link #wrap}.
     *
     * @param path the path the request was wrapped for
     * @param innerOpcode the innermost command's opcode
     * @param status the return code the addressed CCI gave the outermost Tunnel Management Command
     * @param payload that command's response payload
     * @return the innermost command's response: its return code is the target's answer
     * @throws TunnelFailedException if a Tunnel Management Command on the way failed, so the inner command
     *         did not run; it names the hop
     * @throws CciFormatException if a level is malformed or answers another command than the one sent
     * @throws IllegalArgumentException if the path is empty or too deep
     */
    public static CciMessage unwrap(List<TunnelHop> path, int innerOpcode, int status, byte[] payload)
            throws IOException {
        checkDepth(path);
        if (status != 0) {
            throw failed(path, 0, status);
        }
        byte[] level = payload;
        for (int hop = 0;; hop++) {
            CciMessage answer = parseResponse(level, hop + 1);
            boolean last = hop == path.size() - 1;
            int expected = last ? innerOpcode : OPCODE;
            if (answer.opcode() != expected) {
                throw new CciFormatException(String.format("tunnel level %d response answers opcode %04xh, not %04xh",
                        hop + 1, answer.opcode(), expected));
            }
            if (last) {
                return answer;
            }
            if (answer.returnCode() != 0) {
                throw failed(path, hop + 1, answer.returnCode());
            }
            level = answer.payload();
        }
    }

    private static TunnelFailedException failed(List<TunnelHop> path, int hop, int returnCode) {
        return new TunnelFailedException(String.format("the tunnel %s did not reach its target: the Tunnel Management"
                + " Command to hop %d (%s) answered return code %02xh", describe(path), hop + 1, path.get(hop),
                returnCode), hop, returnCode);
    }

    /**
     * Opens every tunnel around a request, so it can be judged by what it finally runs.
     *
     * @param opcode the request's opcode
     * @param payload its payload
     * @return the innermost command, with the path to it; the request itself if it is not a tunnel
     * @throws CciFormatException if a tunnel level is malformed, carries a response, or nests deeper than
     *         {@link #MAX_DEPTH}
     */
    public static InnerCommand innermost(int opcode, byte[] payload) throws CciFormatException {
        List<TunnelHop> path = new ArrayList<>();
        int current = opcode;
        byte[] body = payload;
        while (current == OPCODE) {
            if (path.size() == MAX_DEPTH) {
                throw new CciFormatException("tunnels nest deeper than " + MAX_DEPTH + " levels");
            }
            TunnelRequest request = parseRequest(body, path.size() + 1);
            path.add(request.target());
            current = request.inner().opcode();
            body = request.inner().payload();
        }
        return new InnerCommand(current, path, body);
    }

    /**
     * @param path tunnel hops, outermost first
     * @return the path for messages and audit records, e.g. {@code 1 -> 0}
     */
    public static String describe(List<TunnelHop> path) {
        return path.stream().map(TunnelHop::toString).collect(Collectors.joining(" -> "));
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
