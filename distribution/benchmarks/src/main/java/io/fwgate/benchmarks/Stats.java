package io.fwgate.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Order statistics of one sample, by the nearest-rank method (the p-th percentile is the smallest value
 * with at least p% of the sample at or below it), so every figure reported is a value that was measured.
 * Immutable.
 *
 * @param count how many values
 * @param min the smallest
 * @param p50 the median
 * @param p99 the 99th percentile
 * @param max the largest
 */
public record Stats(int count, double min, double p50, double p99, double max) {

    /**
     * @param values the measured values, in one unit; not changed
     * @return their statistics
     * @throws IllegalArgumentException if there are none
     */
    public static Stats of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarize");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Stats(sorted.length, sorted[0], percentile(sorted, 50), percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /**
     * @param nanos durations in nanoseconds
     * @return their statistics in milliseconds
     */
    public static Stats millisOf(long... nanos) {
        return of(Arrays.stream(nanos).mapToDouble(n -> n / 1e6).toArray());
    }

    /**
     * @param nanos durations in nanoseconds
     * @return their statistics in microseconds
     */
    public static Stats microsOf(long... nanos) {
        return of(Arrays.stream(nanos).mapToDouble(n -> n / 1e3).toArray());
    }

    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** @return the figures as a JSON object, with the unit named */
    public Map<String, Object> toMap(String unit) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("unit", unit);
        map.put("count", count);
        map.put("min", Report.round(min));
        map.put("p50", Report.round(p50));
        map.put("p99", Report.round(p99));
        map.put("max", Report.round(max));
        return map;
    }

    /** @return {@code min/p50/p99/max} for a table cell */
    public String brief() {
        return Report.format(min) + " / " + Report.format(p50) + " / " + Report.format(p99) + " / " + Report.format(max);
    }
}
