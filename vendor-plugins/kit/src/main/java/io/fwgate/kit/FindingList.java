package io.fwgate.kit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the findings of one resource, locating each pointer on its line. Not thread-safe.
 */
final class FindingList {
    private final String resource;
    private final JsonLines lines;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * @param resource the resource's name, for locations
     * @param lines its lines by pointer
     */
    FindingList(String resource, JsonLines lines) {
        this.resource = resource;
        this.lines = lines;
    }

    void error(String pointer, String code, String message) {
        add(Finding.Severity.ERROR, pointer, code, message);
    }

    void warning(String pointer, String code, String message) {
        add(Finding.Severity.WARNING, pointer, code, message);
    }

    void add(Finding.Severity severity, String pointer, String code, String message) {
        findings.add(new Finding(severity, new Location(resource, pointer, lines.lineOf(pointer)), code, message));
    }

    /** @return the findings in document order (by line; findings on one line in the order found) */
    List<Finding> list() {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt(f -> f.location().line()));
        return List.copyOf(sorted);
    }
}
