package io.fwgate.telemetry.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;

/**
 * Writes one audit record as an RFC 5424 syslog message:
 * {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [meta sequenceId="SEQ"][SD-ID name="value" ...] JSON}.
 * MSGID is the record's event ({@code call-decision}, {@code call-result}, {@code plugin-installed}, ...),
 * the structured data element holds every member of the record (nested members as {@code caller.uid}, lists
 * comma-separated), and the message is the record's JSON line exactly as the audit log holds it, so a
 * collector can check the hash chain ({@code prev} is the SHA-256 of the previous record's line). Stateless.
 */
final class Rfc5424 {
    static final int ERROR = 3;
    static final int WARNING = 4;
    static final int NOTICE = 5;
    /** RFC 5424 allows at most six digits of fractional seconds. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_PARAM_NAME = 32;
    private static final int MAX_MSGID = 32;
    /** The {@code meta} element's sequenceId is 1 to 2147483647. */
    private static final long MAX_SEQUENCE_ID = Integer.MAX_VALUE;

    private Rfc5424() {
    }

    /**
     * @param header the parts that are the same for every message of this host
     * @param record the audit record, as parsed from its line
     * @param line the record's line, without its newline
     * @return the message, UTF-8
     */
    static byte[] format(Header header, Map<String, Object> record, String line) {
        StringBuilder out = new StringBuilder(line.length() * 2 + 128);
        out.append('<').append(header.facility() * 8 + severity(record)).append(">1 ")
                .append(timestamp(record.get("time"))).append(' ').append(header.hostname()).append(' ')
                .append(header.appName()).append(' ').append(header.procId()).append(' ').append(msgId(record))
                .append(' ');
        Object seq = record.get("seq");
        if (seq instanceof Number && ((Number) seq).longValue() >= 1 && ((Number) seq).longValue() <= MAX_SEQUENCE_ID) {
            out.append("[meta sequenceId=\"").append(((Number) seq).longValue()).append("\"]");
        }
        out.append('[').append(header.sdId());
        record.forEach((name, value) -> params(out, name, value));
        out.append("] ").append(line);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param facility the facility number
     * @param hostname this host's name
     * @param appName the APP-NAME
     * @param procId the PROCID, this process's id
     * @param sdId the id of the element holding the record's members
     */
    record Header(int facility, String hostname, String appName, String procId, String sdId) {
        Header {
            hostname = isPrintableName(hostname, 255) ? hostname : "-";
        }
    }

    /** Refusals and device failures are warnings, failures to deliver or audit errors, the rest notices. */
    static int severity(Map<String, Object> record) {
        Object result = record.get("result");
        Object event = record.get("event");
        if ("delivery-failed".equals(result) || "deployer-problem".equals(event)) {
            return ERROR;
        }
        if ("refused".equals(record.get("decision")) || "device-error".equals(result) || "undecodable".equals(result)
                || "plugin-refused".equals(event) || "plugin-uninstalled".equals(event)
                || "telemetry-poll-refused".equals(event)) {
            return WARNING;
        }
        return NOTICE;
    }

    static String msgId(Map<String, Object> record) {
        String id;
        if (record.get("event") instanceof String) {
            id = (String) record.get("event");
        } else if (record.containsKey("result")) {
            id = "call-result";
        } else if (record.containsKey("decision")) {
            id = "call-decision";
        } else {
            return "-";
        }
        id = sanitize(id, '-');
        return id.length() > MAX_MSGID ? id.substring(0, MAX_MSGID) : id;
    }

    /** The record's own time, cut to microseconds; the nil value when it has none. */
    static String timestamp(Object time) {
        if (!(time instanceof String)) {
            return "-";
        }
        try {
            return TIME.format(Instant.parse((String) time).truncatedTo(ChronoUnit.MICROS));
        } catch (DateTimeParseException e) {
            return "-";
        }
    }

    @SuppressWarnings("unchecked")
    private static void params(StringBuilder out, String name, Object value) {
        if (value instanceof Map) {
            ((Map<String, Object>) value).forEach((inner, v) -> params(out, name + "." + inner, v));
            return;
        }
        String text = value instanceof Collection ? String.join(",",
                ((Collection<Object>) value).stream().map(String::valueOf).toList()) : String.valueOf(value);
        String param = sanitize(name, '_');
        out.append(' ').append(param.length() > MAX_PARAM_NAME ? param.substring(0, MAX_PARAM_NAME) : param)
                .append("=\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** Names allow printable US-ASCII except space, '=', ']' and '"'; anything else becomes {@code replacement}. */
    private static String sanitize(String name, char replacement) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(c > 32 && c < 127 && c != '=' && c != ']' && c != '"' ? c : replacement);
        }
        return out.length() == 0 ? "-" : out.toString();
    }

    /**
     * @param text a header field or name
     * @param max its longest allowed length
     * @return true if it is 1 to {@code max} printable US-ASCII characters (no spaces)
     */
    static boolean isPrintableName(String text, int max) {
        return text != null && !text.isEmpty() && text.length() <= max && text.chars().allMatch(c -> c > 32 && c < 127);
    }
}
