package io.fwgate.plugin.acme.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.fwgate.api.DecodeException;
import io.fwgate.api.ResponseDecoder;

/**
 * Decodes the answer of Acme's NVMe vendor command C0h (acme-nvme-telemetry): a stream of records
 * {@code {u8 type, u8 length, value[length]}} ended by a type 0 byte. Types: 1 temperature (s16, degrees
 * Celsius), 2 wear (u8, percent of life used), 3 firmware note (ASCII), 4 counters (u32 each). A record of
 * another type is shown with its bytes in hex, so newer firmware still decodes.
 *
 * <p>The result is {@code {"records": [...]}}, each record a map with its {@code type} name and its
 * value. Whatever the bytes, decoding ends after at most one record per two bytes and allocates no more
 * than the payload's size warrants; anything malformed (a record running past the end, a value of the
 * wrong size, no terminator) is a {@link DecodeException} naming the record's offset. Stateless and
 * thread-safe.
 */
@Component(service = ResponseDecoder.class, property = ResponseDecoder.NAME_PROPERTY + "=" + TelemetryTlvDecoder.NAME)
public final class TelemetryTlvDecoder implements ResponseDecoder {
    /** The name the table's {@code response.decoder} gives. */
    static final String NAME = "acme-tlv";

    private static final int END = 0;
    private static final int TEMPERATURE = 1;
    private static final int WEAR = 2;
    private static final int FIRMWARE_NOTE = 3;
    private static final int COUNTERS = 4;

    @Override
    public Map<String, Object> decode(ByteBuffer payload) throws DecodeException {
        // a view of our own: the caller's position, limit and order stay as they were
        ByteBuffer in = payload.slice().order(ByteOrder.LITTLE_ENDIAN);
        List<Map<String, Object>> records = new ArrayList<>();
        int at = 0;
        while (true) {
            if (at >= in.limit()) {
                throw new DecodeException("the telemetry ends at offset " + hex(at) + " without a type 0 terminator");
            }
            int type = in.get(at) & 0xff;
            if (type == END) {
                return Map.of("records", records);
            }
            if (at + 1 >= in.limit()) {
                throw new DecodeException("the record of type " + type + " at offset " + hex(at) + " has no length byte");
            }
            int length = in.get(at + 1) & 0xff;
            int value = at + 2;
            if (value + length > in.limit()) {
                throw new DecodeException("the record of type " + type + " at offset " + hex(at) + " declares " + length
                        + " bytes, but only " + (in.limit() - value) + " remain");
            }
            records.add(record(in, type, value, length, at));
            at = value + length;
        }
    }

    private static Map<String, Object> record(ByteBuffer in, int type, int value, int length, int at)
            throws DecodeException {
        Map<String, Object> record = new LinkedHashMap<>();
        switch (type) {
            case TEMPERATURE:
                expect("temperature", 2, length, at);
                record.put("type", "temperature");
                record.put("temperature-celsius", (long) in.getShort(value));
                break;
            case WEAR:
                expect("wear", 1, length, at);
                record.put("type", "wear");
                record.put("wear-percent", (long) (in.get(value) & 0xff));
                break;
            case FIRMWARE_NOTE:
                record.put("type", "firmware-note");
                record.put("note", ascii(in, value, length));
                break;
            case COUNTERS:
                if (length % 4 != 0) {
                    throw new DecodeException("the counters record at offset " + hex(at) + " has " + length
                            + " bytes, not a whole number of 4-byte counters");
                }
                record.put("type", "counters");
                record.put("counters", counters(in, value, length / 4));
                break;
            default:
                record.put("type", "unknown (" + hex(type) + ")");
                record.put("value", hexBytes(in, value, length));
        }
        return record;
    }

    private static void expect(String what, int size, int length, int at) throws DecodeException {
        if (length != size) {
            throw new DecodeException("the " + what + " record at offset " + hex(at) + " has " + length
                    + " bytes, expected " + size);
        }
    }

    private static List<Long> counters(ByteBuffer in, int from, int count) {
        List<Long> counters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            counters.add(Integer.toUnsignedLong(in.getInt(from + 4 * i)));
        }
        return counters;
    }

    /** Firmware writes the note NUL-padded at times; bytes that are not printable ASCII show as '?'. */
    private static String ascii(ByteBuffer in, int from, int length) {
        int end = from + length;
        while (end > from && in.get(end - 1) == 0) {
            end--;
        }
        StringBuilder text = new StringBuilder(end - from);
        for (int i = from; i < end; i++) {
            int c = in.get(i) & 0xff;
            text.append(c >= 0x20 && c <= 0x7e ? (char) c : '?');
        }
        return text.toString();
    }

    private static String hexBytes(ByteBuffer in, int from, int length) {
        byte[] bytes = new byte[length];
        in.get(from, bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String hex(int value) {
        return "0x" + Integer.toHexString(value);
    }
}
