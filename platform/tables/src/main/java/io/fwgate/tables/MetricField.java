package io.fwgate.tables;

import java.util.Locale;
import java.util.Objects;

/**
 * A decoded response field that a table marks as a metric: its value, read from the decoded response
 * under {@code field}, is exported per device. Immutable.
 *
 * @param field the name of the top-level field in the decoded response that holds the value
 * @param name the metric's name as the table gives it: lower-case snake_case, without a platform prefix
 *        and without a {@code _total} suffix (exporters add their own prefix and suffixes)
 * @param kind whether the value can go down ({@link Kind#GAUGE}) or only grows ({@link Kind#COUNTER})
 * @param help one line for humans; the table's {@code metric-help}, else the field's description, else empty
 * @since 0.3
 */
public record MetricField(String field, String name, Kind kind, String help) {
    /** How a value behaves over time. */
    public enum Kind {
        /** A value that goes up and down: a temperature, a percentage used. */
        GAUGE,
        /** A count that only grows while the device lives: media errors, dirty shutdowns. */
        COUNTER;

        /** @return the name used in tables, {@code gauge} or {@code counter} */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @throws NullPointerException if any component is null
     */
    public MetricField {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(help, "help");
    }
}
