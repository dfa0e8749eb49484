package io.fwgate.mctp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.fwgate.mctp.MctpSerialLink;

/**
 * The {@code mctp-serial} transport's configuration, from framework properties (or system properties,
 * which a framework property lookup falls back to). Immutable.
 *
 * @param links {@value #LINKS}: serial lines with an endpoint, {@code PATH,EID} separated by {@code ;}, e.g.
 *        {@code /dev/ttyUSB0,8;/dev/ttyS1,9}; a malformed entry is left out with a warning naming it
 * @param baud {@value #BAUD}: the line speed of configured lines, default 115200
 * @param timeoutMillis {@value #TIMEOUT}: how long a request waits for its answer, default 2000
 */
record SerialSettings(List<MctpSerialLink> links, int baud, int timeoutMillis) {
    static final String LINKS = "fwgate.mctp.serial";
    static final String BAUD = "fwgate.mctp.serial.baud";
    static final String TIMEOUT = "fwgate.mctp.serial.timeout-ms";

    SerialSettings {
        links = List.copyOf(links);
    }

    /**
     * @param property looks a property up, null when it is not set
     * @param warnings where malformed values are reported; they are then left out or defaulted
     * @return the settings
     */
    static SerialSettings from(UnaryOperator<String> property, Consumer<String> warnings) {
        String list = property.apply(LINKS);
        List<MctpSerialLink> links = new ArrayList<>();
        for (String entry : list == null ? new String[0] : list.split(";")) {
            if (!entry.isBlank()) {
                try {
                    MctpSerialLink link = parse(entry.trim());
                    if (links.stream().anyMatch(l -> l.address().equals(link.address()))) {
                        throw new IllegalArgumentException("it is listed twice");
                    }
                    links.add(link);
                } catch (IllegalArgumentException e) {
                    warnings.accept("fwgate: " + LINKS + " entry '" + entry.trim() + "' is ignored: " + e.getMessage());
                }
            }
        }
        return new SerialSettings(links, number(property, BAUD, 115200, warnings),
                number(property, TIMEOUT, 2000, warnings));
    }

    private static MctpSerialLink parse(String entry) {
        int comma = entry.lastIndexOf(',');
        if (comma <= 0) {
            throw new IllegalArgumentException("it is not of the form PATH,EID");
        }
        try {
            return new MctpSerialLink(entry.substring(0, comma).trim(),
                    Integer.parseInt(entry.substring(comma + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("its EID is not a number");
        }
    }

    private static int number(UnaryOperator<String> property, String name, int fallback, Consumer<String> warnings) {
        String value = property.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        OptionalInt number = positive(value.trim());
        if (number.isPresent()) {
            return number.getAsInt();
        }
        warnings.accept("fwgate: " + name + "='" + value + "' is not a positive number; using " + fallback);
        return fallback;
    }

    private static OptionalInt positive(String text) {
        try {
            int number = Integer.parseInt(text);
            return number > 0 ? OptionalInt.of(number) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
