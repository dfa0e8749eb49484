package io.fwgate.cli.internal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Option;

/**
 * How long {@code call} and {@code wait} follow a background operation whose device reports no progress:
 * a device that answers "running" forever must not keep the CLI polling (and the audit log growing) forever.
 */
final class WaitOptions {
    /** The default: twice the time one percent of a day-long sanitize takes, so a slow operation is never left. */
    static final String DEFAULT_TIMEOUT = "30m";
    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,8})(s|m|h)");

    @Option(names = "--wait-timeout", paramLabel = "DURATION", defaultValue = DEFAULT_TIMEOUT,
            description = "Stop following a background operation that reports no progress for this long, e.g. 90s, "
                    + "45m, 2h, print its handle and exit 6 (it may still run: 'fwgate wait HANDLE' resumes). "
                    + "Default: ${DEFAULT-VALUE}")
    Duration timeout;

    /**
     * @param text a whole number and a unit: s, m or h
     * @return the duration
     * @throws IllegalArgumentException if the text is not such a duration; the message shows the form
     */
    static Duration parse(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 90s, 45m or 2h");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
