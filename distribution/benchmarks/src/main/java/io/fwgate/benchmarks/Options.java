package io.fwgate.benchmarks;

import java.nio.file.Path;

/**
 * How one run goes: quick (a smoke run of a minute or two, figures only indicative) or full, where its
 * output goes, where the assembled runtime is.
 *
 * @param quick fewer and shorter iterations and samples
 * @param out the output directory ({@code result.json}, {@code summary.md}, logs, scratch)
 * @param fwgateDir the assembled runtime ({@code distribution/runtime/target/fwgate})
 * @param script the {@code fwgate} script users run, at the source tree's root
 */
record Options(boolean quick, Path out, Path fwgateDir, Path script) {

    /** @return the scratch directory, on the same disk as the output */
    Path work() {
        return out.resolve("work");
    }

    /** @return {@code quick} when quick, else {@code full} */
    int pick(int quickValue, int fullValue) {
        return quick ? quickValue : fullValue;
    }
}
