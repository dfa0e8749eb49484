package io.fwgate.launcher;

import org.apache.felix.framework.Logger;

/**
 * Where the framework's own log goes: one line on stderr. Felix's default writes to stdout, which belongs
 * to the CLI's output (scripts parse it). Felix filters by its log level (errors by default) first.
 */
final class FrameworkLog extends Logger {
    @Override
    protected void doLog(int level, String message, Throwable failure) {
        String label = switch (level) {
            case LOG_ERROR -> "error";
            case LOG_WARNING -> "warning";
            default -> "info";
        };
        System.err.println("fwgate: osgi " + label + ": " + message + (failure == null ? "" : ": " + failure));
    }
}
