package io.fwgate.kit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing lint found in a command table or plugin bundle. Immutable.
 *
 * @param severity whether the plugin is wrong or only suspicious
 * @param location where it is
 * @param code a stable kebab-case id of the check, e.g. {@code level-contradicts-effects}
 * @param message a sentence naming the problem and, where it can, the fix
 */
public record Finding(Severity severity, Location location, String code, String message) {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** How bad a finding is. */
    public enum Severity {
        /** The platform refuses the plugin, or the plugin says something false about its commands. */
        ERROR,
        /** Accepted, but probably not what the vendor meant. */
        WARNING
    }

    /**
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if {@code code} is not kebab-case
     */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("finding code '" + code + "' is not kebab-case");
        }
    }

    /** @return true for an {@link Severity#ERROR} */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** @return the line the CLI prints: {@code LOCATION: SEVERITY code: message} */
    @Override
    public String toString() {
        return location + ": " + severity + " " + code + ": " + message;
    }
}
