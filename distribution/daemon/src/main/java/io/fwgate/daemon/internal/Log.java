package io.fwgate.daemon.internal;

/** Where the daemon reports: lifecycle lines to standard output, problems to standard error (journald keeps both). */
interface Log {
    /** @param line what happened, e.g. {@code stopping} */
    void info(String line);

    /** @param line what went wrong and with whom */
    void problem(String line);
}
