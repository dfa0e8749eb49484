package io.fwgate.daemon;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How the daemon listens and what it tolerates from clients. Immutable.
 *
 * @param socket where the socket file is created
 * @param socketGroup the group the socket file is given when it exists on the host
 * @param socketMode the socket file's permissions: who may connect at all
 * @param maxRequestBytes the longest request line accepted; a longer one is answered {@code too-large} and
 *        the connection closed
 * @param readTimeout how long a request may take from its first byte to its newline (and how long a client
 *        may leave an answer unread)
 * @param idleTimeout how long a connection may send nothing between requests before it is closed
 * @param maxConnections how many connections are served at once; more are answered {@code busy}
 * @param stopTimeout how long stopping waits for calls in flight
 */
public record DaemonSettings(Path socket, String socketGroup, Set<PosixFilePermission> socketMode,
        int maxRequestBytes, Duration readTimeout, Duration idleTimeout, int maxConnections, Duration stopTimeout) {
    /** The prefix of the framework properties that give the defaults, e.g. {@code fwgate.daemon.max-connections}. */
    public static final String PREFIX = "fwgate.daemon.";
    /** Default socket group. */
    public static final String DEFAULT_GROUP = "fwgate";
    /** Default socket mode: owner and group may connect. */
    public static final String DEFAULT_MODE = "0660";
    /** Default request limit: 64 KiB. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;
    /** Default read timeout, in milliseconds. */
    public static final long DEFAULT_READ_TIMEOUT_MILLIS = 10_000;
    /** Default idle timeout, in milliseconds. */
    public static final long DEFAULT_IDLE_TIMEOUT_MILLIS = 300_000;
    /** Default connection limit. */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    /** Default stop timeout, in milliseconds. */
    public static final long DEFAULT_STOP_TIMEOUT_MILLIS = 10_000;

    /**
     * @throws IllegalArgumentException if a limit is not positive or the mode has bits beyond rwx
     */
    public DaemonSettings {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(socketGroup, "socketGroup");
        socketMode = Set.copyOf(socketMode);
        positive("max-request-bytes", maxRequestBytes);
        positive("max-connections", maxConnections);
        positive("read-timeout-ms", readTimeout.toMillis());
        positive("idle-timeout-ms", idleTimeout.toMillis());
        positive("stop-timeout-ms", stopTimeout.toMillis());
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
    }

    /**
     * The settings given by framework properties ({@value #PREFIX}{@code socket-group}, {@code socket-mode},
     * {@code max-request-bytes}, {@code read-timeout-ms}, {@code idle-timeout-ms}, {@code max-connections},
     * {@code stop-timeout-ms}), the built-in defaults where a property is unset.
     *
     * @param socket where the socket file is created
     * @param properties the property lookup, returning null for unset properties
     * @return the settings
     * @throws IllegalArgumentException if a property is malformed; the message names it
     */
    public static DaemonSettings fromProperties(Path socket, Function<String, String> properties) {
        return new DaemonSettings(socket, text(properties, "socket-group", DEFAULT_GROUP),
                mode(text(properties, "socket-mode", DEFAULT_MODE)),
                (int) number(properties, "max-request-bytes", DEFAULT_MAX_REQUEST_BYTES, Integer.MAX_VALUE),
                Duration.ofMillis(number(properties, "read-timeout-ms", DEFAULT_READ_TIMEOUT_MILLIS, Long.MAX_VALUE)),
                Duration.ofMillis(number(properties, "idle-timeout-ms", DEFAULT_IDLE_TIMEOUT_MILLIS, Long.MAX_VALUE)),
                (int) number(properties, "max-connections", DEFAULT_MAX_CONNECTIONS, Integer.MAX_VALUE),
                Duration.ofMillis(number(properties, "stop-timeout-ms", DEFAULT_STOP_TIMEOUT_MILLIS, Long.MAX_VALUE)));
    }

    private static String text(Function<String, String> properties, String name, String fallback) {
        String value = properties.apply(PREFIX + name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static long number(Function<String, String> properties, String name, long fallback, long max) {
        String value = text(properties, name, Long.toString(fallback));
        try {
            long number = Long.parseLong(value);
            if (number > max) {
                throw new IllegalArgumentException("property " + PREFIX + name + " is " + value + ", above " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property " + PREFIX + name + " is not a whole number: " + value, e);
        }
    }

    /**
     * @param octal a mode such as {@code 0660} or {@code 660}
     * @return its permission bits
     * @throws IllegalArgumentException if it is not an octal mode of read, write and execute bits
     */
    public static Set<PosixFilePermission> mode(String octal) {
        if (!octal.matches("0?[0-7]{3}")) {
            throw new IllegalArgumentException("socket mode '" + octal + "' is not an octal mode such as 0660");
        }
        int bits = Integer.parseInt(octal, 8);
        Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE, high bit first
        for (int i = 0; i < order.length; i++) {
            if ((bits & (1 << (order.length - 1 - i))) != 0) {
                mode.add(order[i]);
            }
        }
        return mode;
    }

    /** @return the mode as {@code rw-rw----} */
    public String modeText() {
        return PosixFilePermissions.toString(socketMode);
    }
}
