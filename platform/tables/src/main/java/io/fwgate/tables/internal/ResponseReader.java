package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.fwgate.tables.MetricField;

/** Reads a command's {@code response} object and checks its layout. */
public final class ResponseReader {
    private static final Set<String> MEMBERS = Set.of("max-size", "fields", "decoder");

    private ResponseReader() {
    }

    /**
     * @param m the response object's members
     * @return the checked layout, or empty if it has problems (reported to {@code m.problems()})
     */
    public static Optional<ResponseModel> read(Members m) {
        Problems problems = m.problems();
        int before = problems.count();
        m.allowOnly(MEMBERS);
        Optional<Integer> maxSize = m.integer("max-size", true, 0);
        Optional<String> decoder = m.string("decoder", false);
        if (decoder.isPresent() && decoder.get().isBlank()) {
            problems.malformed(m.path("decoder"), "'decoder' must name a decoder");
        }
        List<JsonNode> nodes = m.array("fields", false).orElse(List.of());
        if (m.has("fields") == m.has("decoder")) {
            problems.layout(m.path(), "a response has either 'fields' or a 'decoder', exactly one of them");
        }
        List<ResponseField> fields = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            ResponseFieldReader.read(nodes.get(i), m.path("fields") + "/" + i, 0, problems).ifPresent(fields::add);
        }
        if (problems.count() > before || maxSize.isEmpty()) {
            return Optional.empty();
        }
        if (maxSize.get() > RequestReader.MAX_PAYLOAD) {
            problems.layout(m.path("max-size"), "max-size " + maxSize.get() + " is above the largest payload, "
                    + RequestReader.MAX_PAYLOAD);
        }
        checkLevel(fields, m.path("fields"), maxSize.get(), true, problems);
        checkMetricNames(fields, m.path("fields"), problems);
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new ResponseModel(maxSize.get(), decoder, fields));
    }

    /**
     * Checks the fields of one level: the top level against max-size, an array element against its stride.
     */
    private static void checkLevel(List<ResponseField> fields, String path, int limit, boolean top,
            Problems problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            ResponseField f = fields.get(i);
            String at = path + "/" + i;
            if (!names.add(f.name())) {
                problems.malformed(at + "/name", "two fields of one level are named '" + f.name() + "'");
            }
            checkBits(f, at, problems);
            checkExtent(f, at, limit, top, problems);
            if (f.type() == FieldType.ARRAY) {
                checkCount(fields, i, at, problems);
                checkIndex(f, at, problems);
                checkLevel(f.fields(), at + "/fields", f.stride(), false, problems);
            }
        }
    }

    private static void checkBits(ResponseField f, String at, Problems problems) {
        if (!f.type().isInteger()) {
            return;
        }
        if (f.shift() + f.valueBits() > f.type().bits()) {
            problems.layout(at + "/width", "bit field (shift " + f.shift() + ", width " + f.valueBits()
                    + ") is wider than its " + f.type().bits() + "-bit type");
            return;
        }
        checkKeys(f.enumNames(), f.valueBits(), at + "/enum", problems);
        checkKeys(f.special(), f.valueBits(), at + "/special", problems);
        for (int bit : f.flagNames().keySet()) {
            if (bit >= f.valueBits()) {
                problems.layout(at + "/flags/" + bit, "bit " + bit + " is outside the field's " + f.valueBits()
                        + " bits");
            }
        }
    }

    private static void checkKeys(Map<BigInteger, String> names, int bits, String at, Problems problems) {
        for (BigInteger key : names.keySet()) {
            if (!FieldType.fitsEither(key, bits)) {
                problems.layout(at + "/" + key, "value " + key + " does not fit the field's " + bits + " bits");
            }
        }
    }

    private static void checkExtent(ResponseField f, String at, int limit, boolean top, Problems problems) {
        if (f.fromTransport()) {
            return;
        }
        String bound = top ? "max-size " + limit : "the " + limit + "-byte array element";
        long length = f.length();
        if (f.type() == FieldType.BYTES && f.size() < 0 && !top) {
            problems.layout(at, "field '" + f.name() + "' inside an array needs a 'size'");
        } else if (f.offset() + length > limit) {
            problems.layout(at, "field '" + f.name() + "' " + (length == 0 ? "starts at " + f.offset()
                    : "(bytes " + f.offset() + " to " + (f.offset() + length - 1) + ") reads") + " past " + bound);
        }
    }

    /** One response exports each metric name once: a device has one value per metric. */
    private static void checkMetricNames(List<ResponseField> fields, String path, Problems problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            Optional<MetricField> metric = fields.get(i).metric();
            if (metric.isPresent() && !names.add(metric.get().name())) {
                problems.malformed(path + "/" + i + "/metric", "two fields of one response are the metric '"
                        + metric.get().name() + "'");
            }
        }
    }

    /** The index is shown beside the element's fields, so it must not take one of their names. */
    private static void checkIndex(ResponseField array, String at, Problems problems) {
        Optional<String> index = array.index();
        if (index.isPresent() && array.fields().stream().anyMatch(e -> e.name().equals(index.get()))) {
            problems.malformed(at + "/index", "index '" + index.get() + "' has the name of a field of the element");
        }
    }

    private static void checkCount(List<ResponseField> fields, int index, String at, Problems problems) {
        Optional<String> counter = fields.get(index).count().flatMap(ResponseField.Count::field);
        if (counter.isEmpty()) {
            return;
        }
        Optional<ResponseField> earlier = fields.subList(0, index).stream()
                .filter(f -> f.name().equals(counter.get())).findFirst();
        if (earlier.isEmpty()) {
            problems.layout(at + "/count", "count '" + counter.get() + "' names no earlier field of this level"
                    + " (give a number, \"remaining\" or the name of an earlier integer field)");
        } else if (!earlier.get().type().isInteger()) {
            problems.layout(at + "/count", "count '" + counter.get() + "' names a field that is not an integer");
        }
    }
}
