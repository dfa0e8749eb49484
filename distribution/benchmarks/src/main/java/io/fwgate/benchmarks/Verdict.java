package io.fwgate.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One target of the issue against what this run measured. Immutable.
 *
 * @param item the item number (1 to 8)
 * @param target the target, as the issue states it
 * @param measured the figure it is judged by, with its unit
 * @param status met, not met, not measured, or reported (an item without a numeric target)
 * @param why the reason in one line: the comparison, or why it was not measured
 */
public record Verdict(int item, String target, String measured, Status status, String why) {
    /** A table cell, not a log: the full message goes to the run's standard error. */
    private static final int MAX_WHY = 300;

    /** How a target came out. */
    public enum Status {
        MET("met"), NOT_MET("not met"), NOT_MEASURED("not measured"), REPORTED("reported");

        final String word;

        Status(String word) {
            this.word = word;
        }
    }

    /**
     * @param item the item number
     * @param target the target, as the issue states it
     * @param measured the figure, with its unit
     * @param met whether the figure meets the target
     * @param why the comparison in words
     * @return the verdict
     */
    public static Verdict judged(int item, String target, String measured, boolean met, String why) {
        return new Verdict(item, target, measured, met ? Status.MET : Status.NOT_MET, why);
    }

    /**
     * @param item the item number
     * @param what what was measured, for an item the issue sets no limit for
     * @param measured the figure, with its unit
     * @param why what it means in one line
     * @return the verdict
     */
    public static Verdict reported(int item, String what, String measured, String why) {
        return new Verdict(item, what, measured, Status.REPORTED, why);
    }

    /**
     * @param item the item number
     * @param target the target
     * @param why why nothing was measured
     * @return a verdict saying so
     */
    public static Verdict notMeasured(int item, String target, String why) {
        String brief = why.length() <= MAX_WHY ? why : why.substring(0, MAX_WHY) + "... (the run's log has it all)";
        return new Verdict(item, target, "-", Status.NOT_MEASURED, "not measured: " + brief.replace('|', '/'));
    }

    /** @return {@code met}, {@code not met}, {@code not measured} or {@code reported} */
    public String word() {
        return status.word;
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("item", item);
        map.put("target", target);
        map.put("measured", measured);
        map.put("verdict", word());
        map.put("why", why);
        return map;
    }
}
