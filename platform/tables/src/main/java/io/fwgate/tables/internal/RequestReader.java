package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.fwgate.tables.InvalidArgumentException;

/** Reads a command's {@code request} object and checks its layout. */
public final class RequestReader {
    /** The largest payload a table may declare: 1 MiB, the largest CXL mailbox payload. */
    public static final int MAX_PAYLOAD = 1 << 20;
    private static final Set<String> MEMBERS = Set.of("size", "max-size", "fields");

    private RequestReader() {
    }

    /**
     * @param m the request object's members
     * @return the checked layout, or empty if it has problems (reported to {@code m.problems()})
     */
    public static Optional<RequestModel> read(Members m) {
        Problems problems = m.problems();
        int before = problems.count();
        m.allowOnly(MEMBERS);
        Optional<Integer> size = m.integer("size", true, 0);
        Optional<Integer> maxSize = m.integer("max-size", false, 0);
        List<RequestField> fields = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<JsonNode> nodes = m.array("fields", false).orElse(List.of());
        for (int i = 0; i < nodes.size(); i++) {
            String path = m.path("fields") + "/" + i;
            RequestFieldReader.read(nodes.get(i), path, problems).ifPresent(f -> {
                fields.add(f);
                paths.add(path);
            });
        }
        if (problems.count() > before || size.isEmpty()) {
            return Optional.empty();
        }
        checkNames(fields, paths, problems);
        if (problems.count() > before) {
            return Optional.empty();
        }
        int limit = checkSizes(m, size.get(), maxSize, fields);
        for (int i = 0; i < fields.size(); i++) {
            checkField(fields.get(i), paths.get(i), limit, problems);
            checkPlacement(fields, i, paths.get(i), size.get(), problems);
        }
        checkOverlaps(fields, paths, problems);
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new RequestModel(size.get(), limit, fields));
    }

    private static void checkNames(List<RequestField> fields, List<String> paths, Problems problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            if (!seen.add(fields.get(i).name())) {
                problems.malformed(paths.get(i) + "/name", "two fields are named '" + fields.get(i).name() + "'");
            }
        }
    }

    /** @return the largest payload the layout allows */
    private static int checkSizes(Members m, int size, Optional<Integer> maxSize, List<RequestField> fields) {
        boolean variable = fields.stream().anyMatch(RequestField::isVariable);
        if (size > MAX_PAYLOAD) {
            m.problems().layout(m.path("size"), "size " + size + " is above the largest payload, " + MAX_PAYLOAD);
        }
        if (maxSize.isEmpty()) {
            return variable ? MAX_PAYLOAD : size;
        }
        if (!variable) {
            m.problems().layout(m.path("max-size"), "'max-size' needs a variable trailing bytes field");
        } else if (maxSize.get() < size || maxSize.get() > MAX_PAYLOAD) {
            m.problems().layout(m.path("max-size"), "max-size " + maxSize.get() + " must be between the size "
                    + size + " and " + MAX_PAYLOAD);
        }
        return maxSize.get();
    }

    private static void checkPlacement(List<RequestField> fields, int index, String path, int size,
            Problems problems) {
        RequestField f = fields.get(index);
        if (f.isParam()) {
            if (!f.type().isInteger() || f.type().bits() > RequestField.PARAM_BITS) {
                problems.layout(path, "field '" + f.name() + "' goes into a 32-bit parameter, so it must be an"
                        + " integer of at most 32 bits");
            }
        } else if (f.isVariable()) {
            if (index != fields.size() - 1 || f.offset() != size) {
                problems.layout(path, "the variable field '" + f.name() + "' must be the last field and start"
                        + " at the end of the fixed payload (offset " + size + ")");
            }
        } else if ((long) f.offset() + f.length() > size) {
            problems.layout(path, "field '" + f.name() + "' (bytes " + f.offset() + " to "
                    + (f.offset() + f.length() - 1) + ") lies outside the " + size + "-byte payload");
        }
    }

    private static void checkField(RequestField f, String path, int limit, Problems problems) {
        int container = f.isParam() ? RequestField.PARAM_BITS : f.type().bits();
        if (f.isBitField() && f.shift() + f.width() > container) {
            problems.layout(path + "/width", "bit field (shift " + f.shift() + ", width " + f.width()
                    + ") is wider than its " + container + "-bit " + (f.isParam() ? "parameter" : "type"));
            return;
        }
        int bits = f.valueBits();
        boolean signed = f.type().signed();
        f.enumValues().forEach((name, value) -> {
            if (value.compareTo(FieldType.min(bits, signed)) < 0 || value.compareTo(FieldType.max(bits, signed)) > 0) {
                problems.layout(path + "/enum/" + name, "enum value " + value + " does not fit " + bits + " bits");
            }
        });
        f.min().ifPresent(v -> checkBound(f, v, path + "/min", problems));
        f.max().ifPresent(v -> checkBound(f, v, path + "/max", problems));
        if (f.min().isPresent() && f.max().isPresent() && f.min().get().compareTo(f.max().get()) > 0) {
            problems.layout(path + "/min", "min " + f.min().get() + " is above max " + f.max().get());
        }
        f.defaultText().ifPresent(t -> checkValue(f, t, path + "/default", limit, problems));
        f.constant().ifPresent(t -> checkValue(f, t, path + "/value", limit, problems));
    }

    private static void checkBound(RequestField f, BigInteger v, String path, Problems problems) {
        int bits = f.valueBits();
        boolean signed = f.type().signed();
        if (v.compareTo(FieldType.min(bits, signed)) < 0 || v.compareTo(FieldType.max(bits, signed)) > 0) {
            problems.layout(path, v + " does not fit the field's " + bits + " bits");
        }
    }

    private static void checkValue(RequestField f, String text, String path, int limit, Problems problems) {
        try {
            Object value = ArgumentParser.parse(f, text);
            if (f.isVariable() && ((byte[]) value).length > limit - f.offset()) {
                problems.layout(path, "'" + text + "' is longer than the " + (limit - f.offset()) + " bytes that fit");
            }
        } catch (InvalidArgumentException e) {
            problems.layout(path, "'" + text + "' does not fit the field: " + e.getMessage());
        }
    }

    private static void checkOverlaps(List<RequestField> fields, List<String> paths, Problems problems) {
        for (int i = 1; i < fields.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (Occupancy.of(fields.get(i)).overlaps(Occupancy.of(fields.get(j)))) {
                    problems.layout(paths.get(i), "field '" + fields.get(i).name() + "' overlaps field '"
                            + fields.get(j).name() + "'");
                }
            }
        }
    }
}
