package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fwgate.api.DecodeException;

/**
 * Decodes a payload, and the transport values beside it, by a checked list of response fields. Reads are
 * bounds-checked against the payload and array counts against the bytes left, so any payload yields values
 * or a {@code DecodeException}.
 */
final class Decoder {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private final byte[] payload;
    private final Map<String, Long> transport;

    private Decoder(byte[] payload, Map<String, Long> transport) {
        this.payload = payload;
        this.transport = transport;
    }

    /**
     * @param fields the checked fields' plans
     * @param hasArray whether an array among them may take its count from an earlier field
     * @param payload the response payload
     * @param transport values the transport returned beside the payload, by name (NVMe {@code result})
     */
    static Map<String, Object> decode(List<FieldPlan> fields, boolean hasArray, byte[] payload,
            Map<String, Long> transport) throws DecodeException {
        return new Decoder(payload, transport).level(fields, hasArray, 0, payload.length, "");
    }

    /**
     * @param hasArray whether an array of this level may take its count from an earlier field
     * @param base where the level starts: 0, or the start of an array element
     * @param end where the level's bytes end: the payload's end, or the element's
     * @param prefix the element path for messages, e.g. {@code records[2].}
     */
    private Map<String, Object> level(List<FieldPlan> fields, boolean hasArray, int base, int end, String prefix)
            throws DecodeException {
        // sized for all fields at once: no rehashing while it fills
        Map<String, Object> out = new LinkedHashMap<>(fields.size() * 4 / 3 + 1);
        // raw values are kept only where an array of this level may take its count from them
        Map<String, BigInteger> raws = hasArray ? new HashMap<>() : null;
        for (FieldPlan plan : fields) {
            ResponseField f = plan.field;
            long at = (long) base + f.offset();
            switch (f.type()) {
                case STRING:
                    need(f, prefix, at, f.size(), end);
                    out.put(f.name(), ascii((int) at, f.size()));
                    break;
                case BYTES:
                    int length = f.size() >= 0 ? f.size() : (int) Math.max(end - at, 0);
                    need(f, prefix, at, length, end);
                    out.put(f.name(), HexFormat.of().formatHex(payload, (int) at, (int) at + length));
                    break;
                case UUID:
                    need(f, prefix, at, 16, end);
                    out.put(f.name(), Numbers.uuidText(payload, (int) at));
                    break;
                case ARRAY:
                    out.put(f.name(), array(plan, at, end, prefix, raws));
                    break;
                default:
                    long container = f.fromTransport() ? transportValue(f) : payloadValue(f, prefix, at, end);
                    long bits = f.isBitField() ? (container >>> f.shift()) & Bits.mask(f.width()) : container;
                    if (raws != null) {
                        raws.put(f.name(), unsigned(bits));
                    }
                    out.put(f.name(), Values.of(plan, bits));
            }
        }
        return out;
    }

    private long payloadValue(ResponseField f, String prefix, long at, int end) throws DecodeException {
        need(f, prefix, at, f.type().size(), end);
        return Bits.read(payload, (int) at, f.type().size(), f.bigEndian());
    }

    /** The field's type says how many of the transport value's low bits it reads. */
    private long transportValue(ResponseField f) throws DecodeException {
        Long value = transport.get(f.source().orElseThrow());
        if (value == null) {
            throw new DecodeException("field '" + f.name() + "' reads the transport value '" + f.source().get()
                    + "', which the response does not carry");
        }
        return value & Bits.mask(f.type().bits());
    }

    private List<Map<String, Object>> array(FieldPlan plan, long start, int end, String prefix,
            Map<String, BigInteger> raws) throws DecodeException {
        ResponseField f = plan.field;
        if (start > end) {
            throw new DecodeException("array '" + prefix + f.name() + "' at offset " + hex(start)
                    + " starts past the end of the data (" + hex(end) + ")");
        }
        ResponseField.Count count = f.count().orElseThrow();
        BigInteger n;
        if (count.remaining()) {
            n = BigInteger.valueOf((end - start) / f.stride());
        } else if (count.field().isPresent()) {
            n = raws.get(count.field().get());
        } else {
            n = BigInteger.valueOf(count.number());
        }
        BigInteger room = BigInteger.valueOf(end - start);
        if (n.multiply(BigInteger.valueOf(f.stride())).compareTo(room) > 0) {
            throw new DecodeException("array '" + prefix + f.name() + "' at offset " + hex(start) + ": " + n
                    + " elements of " + f.stride() + " bytes run past the end of the data (" + room
                    + " bytes left)");
        }
        // n * stride fits in the bytes left, so the list is bounded by the payload length
        List<Map<String, Object>> elements = new ArrayList<>(n.intValue());
        for (int i = 0; i < n.intValue(); i++) {
            int elementStart = (int) start + i * f.stride();
            Map<String, Object> element = new LinkedHashMap<>();
            if (f.index().isPresent()) {
                element.put(f.index().get(), (long) i);
            }
            element.putAll(level(plan.elements, plan.elementsHaveArray, elementStart, elementStart + f.stride(),
                    prefix + f.name() + "[" + i + "]."));
            elements.add(element);
        }
        return elements;
    }

    private static void need(ResponseField f, String prefix, long at, int length, int end) throws DecodeException {
        if (at + length > end) {
            throw new DecodeException("field '" + prefix + f.name() + "' at offset " + hex(at) + " needs "
                    + length + " bytes, but the data ends at " + hex(end));
        }
    }

    /** Text as devices write it: ASCII, padded with NULs or spaces; other bytes show as '?'. */
    private String ascii(int at, int size) {
        int last = at + size;
        while (last > at && (payload[last - 1] == 0 || payload[last - 1] == ' ')) {
            last--;
        }
        StringBuilder text = new StringBuilder(last - at);
        for (int i = at; i < last; i++) {
            char c = (char) (payload[i] & 0xff);
            text.append(c >= 0x20 && c <= 0x7e ? c : '?');
        }
        return text.toString();
    }

    static BigInteger unsigned(long bits) {
        BigInteger value = BigInteger.valueOf(bits);
        return bits < 0 ? value.add(TWO_64) : value;
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
