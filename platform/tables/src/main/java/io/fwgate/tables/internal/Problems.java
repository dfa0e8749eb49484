package io.fwgate.tables.internal;

import java.util.ArrayList;
import java.util.List;

import io.fwgate.tables.Problem;

/** Collects the problems found while reading one table, in the order they were found. Not thread-safe. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    /**
     * @param location where the problem is
     * @param message what is wrong
     */
    public void malformed(String location, String message) {
        list.add(new Problem(Problem.Kind.MALFORMED, location, message));
    }

    /**
     * @param location where the problem is
     * @param message what is wrong
     */
    public void layout(String location, String message) {
        list.add(new Problem(Problem.Kind.BAD_LAYOUT, location, message));
    }

    /**
     * @param kind the class of problem
     * @param location where the problem is
     * @param message what is wrong
     */
    public void add(Problem.Kind kind, String location, String message) {
        list.add(new Problem(kind, location, message));
    }

    /** @return how many problems were found so far */
    public int count() {
        return list.size();
    }

    /** @return the problems found, in order */
    public List<Problem> list() {
        return List.copyOf(list);
    }
}
