package io.fwgate.deployer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides when a file is complete: its size, modification time and identity (inode) must stay the same
 * for a settle interval before it is handed on, so a file being copied is not picked up half-written.
 * This is a heuristic, not a guarantee (a writer may stall longer than the interval); it is safe anyway
 * because a jar is only readable once its central directory, written last, is there: a half-written
 * file is at worst refused as not-a-bundle and picked up again when its stamp changes. Writers that want
 * no refusal at all write to a hidden or {@code .part} name and rename, which the deployer ignores until
 * the rename. Not thread-safe: one scanning thread owns it.
 */
final class StableFiles {
    /** What identifies one version of a file without reading it. */
    record Stamp(long size, FileTime modified, Object fileKey) {
        /** @return the file's stamp, or empty if it is gone or not a regular file */
        static Optional<Stamp> of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    return Optional.empty();
                }
                return Optional.of(new Stamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * A file that settled in a new version.
     *
     * @param path the file
     * @param stamp its settled stamp
     * @param firstSeenMillis when this change was first seen: the start of the drop-to-callable latency
     */
    record Change(Path path, Stamp stamp, long firstSeenMillis) {
    }

    /**
     * What one scan found.
     *
     * @param changed files that settled in a version not handed on before
     * @param removed files seen before and gone now
     */
    record Scan(List<Change> changed, List<Path> removed) {
        boolean any() {
            return !changed.isEmpty() || !removed.isEmpty();
        }
    }

    private static final class Seen {
        Stamp stamp;
        long since;
        long firstSeen;
        Stamp delivered;
        /** When the file was first missing, or -1 while it is there. */
        long missingSince = -1;

        Seen(Stamp stamp, long now) {
            this.stamp = stamp;
            this.since = now;
            this.firstSeen = now;
        }
    }

    private final long settleMillis;
    private final Map<Path, Seen> seen = new HashMap<>();

    /** @param settleMillis how long a stamp must stay the same */
    StableFiles(long settleMillis) {
        this.settleMillis = settleMillis;
    }

    /**
     * @param listing the files present now and their stamps
     * @param nowMillis the time of the listing
     * @return the files that settled in a new version, and those that went away
     */
    Scan scan(Map<Path, Stamp> listing, long nowMillis) {
        List<Change> changed = new ArrayList<>();
        for (Map.Entry<Path, Stamp> file : listing.entrySet()) {
            Seen entry = seen.get(file.getKey());
            if (entry == null) {
                entry = new Seen(file.getValue(), nowMillis);
                seen.put(file.getKey(), entry);
            } else if (!entry.stamp.equals(file.getValue())) {
                if (Objects.equals(entry.stamp, entry.delivered)) {
                    entry.firstSeen = nowMillis;
                }
                entry.stamp = file.getValue();
                entry.since = nowMillis;
            }
            if (!entry.stamp.equals(entry.delivered) && nowMillis - entry.since >= settleMillis) {
                entry.delivered = entry.stamp;
                changed.add(new Change(file.getKey(), entry.stamp, entry.firstSeen));
            }
        }
        return new Scan(changed, removedFor(listing.keySet(), nowMillis));
    }

    /**
     * A file must stay away for the settle interval to count as removed: copying over a file (delete, then
     * create) or replacing it by rename is an update in place, not a removal and a new install.
     */
    private List<Path> removedFor(java.util.Set<Path> present, long nowMillis) {
        List<Path> removed = new ArrayList<>();
        for (java.util.Iterator<Map.Entry<Path, Seen>> it = seen.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Path, Seen> entry = it.next();
            Seen file = entry.getValue();
            if (present.contains(entry.getKey())) {
                file.missingSince = -1;
                continue;
            }
            if (file.missingSince < 0) {
                file.missingSince = nowMillis;
            }
            if (nowMillis - file.missingSince >= settleMillis) {
                removed.add(entry.getKey());
                it.remove();
            }
        }
        return removed;
    }

    /** @return true if some file has changed and not settled yet: scan again after the settle interval */
    boolean settling() {
        return seen.values().stream().anyMatch(entry -> !entry.stamp.equals(entry.delivered) || entry.missingSince >= 0);
    }

    /**
     * Hands every present file on again at the next scan (once settled), e.g. after a trust change.
     *
     * @param nowMillis the time of the trust change, where latency is counted from
     */
    void redeliver(long nowMillis) {
        for (Seen entry : seen.values()) {
            if (entry.delivered != null) {
                entry.firstSeen = nowMillis;
            }
            entry.delivered = null;
        }
    }

    /**
     * Takes the files present now as already handed on, e.g. configuration read at start.
     *
     * @param listing the files present now and their stamps
     * @param nowMillis the time of the listing
     */
    void baseline(Map<Path, Stamp> listing, long nowMillis) {
        listing.forEach((path, stamp) -> {
            Seen entry = new Seen(stamp, nowMillis);
            entry.delivered = stamp;
            seen.put(path, entry);
        });
    }
}
