package io.fwgate.linux.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads sysfs: directory listings and attributes, each a short text file. Devices come and go while it
 * reads, so every read may find nothing; nothing here throws. Thread-safe.
 */
final class Sysfs {
    /** How far up from a device its PCI function may sit (memdev, nvme class dir, fwctl's parent). */
    private static final int MAX_PCI_DEPTH = 6;

    private final Path root;

    /** @param root where sysfs is mounted, {@code /sys} */
    Sysfs(Path root) {
        this.root = root;
    }

    /**
     * @param relative a directory below the root, e.g. {@code class/nvme}
     * @return the directory's path
     */
    Path dir(String relative) {
        return root.resolve(relative);
    }

    /**
     * @param directory a sysfs directory such as {@code bus/cxl/devices}
     * @param name the entry names to take, with the device number as group 1, e.g. {@code mem(\d+)}
     * @return the matching entries, by device number; none if the directory does not exist
     */
    List<Path> entries(Path directory, Pattern name) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> name.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(p -> number(name, p))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long number(Pattern name, Path entry) {
        Matcher matcher = name.matcher(entry.getFileName().toString());
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : Long.MAX_VALUE;
    }

    /**
     * @param directory a device's directory
     * @param name an attribute, e.g. {@code serial} or {@code ram/size}
     * @return its text without surrounding white space (NVMe pads strings with spaces), if readable
     */
    Optional<String> attribute(Path directory, String name) {
        try {
            return Optional.of(Files.readString(directory.resolve(name), StandardCharsets.US_ASCII).strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * @param directory a device's directory
     * @param name an attribute holding a number, decimal or {@code 0x} hex (as sysfs prints sizes)
     * @return the number, if the attribute is readable and holds one
     */
    OptionalLong number(Path directory, String name) {
        Optional<String> text = attribute(directory, name);
        try {
            if (text.isEmpty()) {
                return OptionalLong.empty();
            }
            String value = text.get();
            return OptionalLong.of(value.startsWith("0x") ? Long.parseUnsignedLong(value.substring(2), 16)
                    : Long.parseLong(value));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The PCI function a device belongs to: the nearest directory, from the device's real path upwards,
     * that has PCI {@code vendor} and {@code device} attributes.
     *
     * @param directory a device's directory (usually a symbolic link into {@code /sys/devices})
     * @return the PCI vendor and device ids, or {@link PciIds#UNKNOWN}
     */
    PciIds pciIds(Path directory) {
        Path at;
        try {
            at = directory.toRealPath();
        } catch (IOException e) {
            return PciIds.UNKNOWN;
        }
        for (int depth = 0; at != null && depth <= MAX_PCI_DEPTH; depth++, at = at.getParent()) {
            OptionalLong vendor = number(at, "vendor");
            OptionalLong device = number(at, "device");
            if (vendor.isPresent() && device.isPresent()) {
                return new PciIds((int) vendor.getAsLong(), (int) device.getAsLong());
            }
        }
        return PciIds.UNKNOWN;
    }

    /**
     * @param link a symbolic link such as a device's {@code device} or {@code driver}
     * @return the name of what it points to, if it resolves
     */
    Optional<String> linkName(Path link) {
        try {
            return Optional.of(link.toRealPath().getFileName().toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * PCI vendor and device ids; -1 each when unknown, as {@link io.fwgate.api.DeviceInfo} wants them.
     *
     * @param vendor the vendor id
     * @param device the device id
     */
    record PciIds(int vendor, int device) {
        static final PciIds UNKNOWN = new PciIds(-1, -1);
    }
}
