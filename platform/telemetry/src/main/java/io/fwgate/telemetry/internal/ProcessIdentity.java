package io.fwgate.telemetry.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.fwgate.platform.Caller;

/** This process's own identity, as the kernel reports it in {@code /proc/self/status}. */
final class ProcessIdentity {
    private ProcessIdentity() {
    }

    /**
     * @param status the text of a {@code /proc/<pid>/status} file
     * @return the real uid and gid and the supplementary groups it lists
     * @throws IllegalArgumentException if the Uid or Gid line is missing or malformed
     */
    static Caller parse(List<String> status) {
        long uid = -1;
        long gid = -1;
        long[] groups = new long[0];
        for (String line : status) {
            String[] parts = line.trim().split("\\s+");
            if (parts[0].equals("Uid:") && parts.length > 1) {
                uid = Long.parseLong(parts[1]);
            } else if (parts[0].equals("Gid:") && parts.length > 1) {
                gid = Long.parseLong(parts[1]);
            } else if (parts[0].equals("Groups:")) {
                groups = Arrays.stream(parts, 1, parts.length).mapToLong(Long::parseLong).toArray();
            }
        }
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException("no Uid or Gid line in the process status");
        }
        return new Caller(uid, gid, groups);
    }

    /**
     * @return this process's identity
     * @throws IOException if {@code /proc/self/status} cannot be read
     */
    static Caller ofThisProcess() throws IOException {
        return parse(Files.readAllLines(Path.of("/proc/self/status")));
    }
}
