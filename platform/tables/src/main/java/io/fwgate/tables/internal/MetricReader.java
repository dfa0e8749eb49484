package io.fwgate.tables.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.fwgate.tables.MetricField;

/**
 * Reads the metric members of a response field: {@code metric} ({@code gauge} or {@code counter}),
 * {@code metric-name} and {@code metric-help}. A metric is one number per device, so only top-level integer
 * fields that decode to a number (or a bool, exported as 0 or 1) can be one.
 */
final class MetricReader {
    /** Prometheus' metric name rule, narrowed to lower case so names read the same in every table. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,99}");
    /** Suffixes exporters add themselves (counters, histograms, info metrics). */
    private static final List<String> RESERVED_SUFFIXES = List.of("_total", "_created", "_bucket", "_count", "_sum",
            "_info");

    private MetricReader() {
    }

    /**
     * @param m the field's members
     * @param fieldName the field's output name, the default metric name (kebab-case turned to snake_case)
     * @param type the field's type
     * @param depth how many arrays enclose the field
     * @param description the field's description, the default help
     * @return the field's metric, or empty when it is not marked (or the marking has problems, reported)
     */
    static Optional<MetricField> read(Members m, String fieldName, FieldType type, int depth, String description) {
        if (!m.has("metric")) {
            for (String member : List.of("metric-name", "metric-help")) {
                if (m.has(member)) {
                    m.problems().malformed(m.path(member), "'" + member + "' needs 'metric'");
                }
            }
            return Optional.empty();
        }
        int before = m.problems().count();
        Optional<MetricField.Kind> kind = kind(m);
        String name = m.string("metric-name", false).orElse(fieldName.replace('-', '_'));
        checkName(m, name);
        String help = m.string("metric-help", false).orElse(description);
        checkField(m, type, depth);
        if (m.problems().count() > before || kind.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MetricField(fieldName, name, kind.get(), help));
    }

    private static Optional<MetricField.Kind> kind(Members m) {
        Optional<String> id = m.string("metric", true);
        for (MetricField.Kind kind : MetricField.Kind.values()) {
            if (id.isPresent() && kind.id().equals(id.get())) {
                return Optional.of(kind);
            }
        }
        id.ifPresent(text -> m.problems().malformed(m.path("metric"), "unknown metric kind '" + text
                + "' (expected gauge or counter)"));
        return Optional.empty();
    }

    private static void checkName(Members m, String name) {
        String where = m.has("metric-name") ? m.path("metric-name") : m.path("name");
        if (!NAME.matcher(name).matches()) {
            m.problems().malformed(where, "bad metric name '" + name
                    + "' (lower-case snake_case: a letter, then letters, digits and '_', at most 100)");
            return;
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                m.problems().malformed(where, "metric name '" + name + "' ends in '" + suffix
                        + "', which exporters add themselves; leave it out");
            }
        }
    }

    private static void checkField(Members m, FieldType type, int depth) {
        String where = m.path("metric");
        if (!type.isInteger()) {
            m.problems().malformed(where, "only integer fields can be metrics, not '" + type.id() + "'");
        } else if (m.has("enum") || m.has("flags")) {
            m.problems().malformed(where, "an 'enum' or 'flags' field decodes to names, not a number: it cannot"
                    + " be a metric");
        } else if (depth > 0) {
            m.problems().malformed(where, "only top-level fields can be metrics; fields inside an array have no"
                    + " label to tell their elements apart");
        }
    }
}
