package io.fwgate.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fwgate.platform.AuditTrail;

/**
 * The append-only audit log: one JSON object per line, each holding its sequence number and the
 * SHA-256 of the previous line, so an edited, removed, inserted or reordered record breaks the chain.
 * A separate head file seals the last durable record, so removing sealed records from the end is
 * detected too.
 *
 * <p>{@link #append} returns only after the record is on disk (fsync): callers report success after it.
 * Thread-safe. Appends are serialized; syncs are grouped: a caller whose record another caller's fsync
 * already covered returns without one, so N concurrent callers pay for far fewer than N fsyncs.
 *
 * <p>Each sync costs one fsync, of the log. The seal is a fixed-width line overwritten in place after
 * each sync (no truncation, so a kill never leaves it empty) and forced only every {@value #SEAL_FORCE_RECORDS}
 * records, every {@value #SEAL_FORCE_MILLIS} ms and on close: after a power loss it may be behind the log,
 * which the reader accepts (records after the seal were never sealed, so their removal is not detected).
 */
final class AuditLog implements AuditAppender {
    static final String LOG_FILE = "audit.jsonl";
    static final String HEAD_FILE = "audit.head";
    static final int SEAL_FORCE_RECORDS = 1024;
    static final long SEAL_FORCE_MILLIS = 1000;
    /** The fields the log writes itself, first in every record. */
    private static final List<String> OWN_FIELDS = List.of("seq", "time", "prev");

    private final Path dir;
    private final Clock clock;
    private FileChannel channel;
    /** The head file, open for the seal's overwrites; replaced whole only when the log is opened. */
    private FileChannel head;
    /** The last seal forced to disk, and when: touched only by the sync's leader (one at a time). */
    private long forcedSeal;
    private long forcedAt;
    private long lastSeq;
    /** Where the next record goes: the end of the last whole record. */
    private long end;
    private String lastHash;
    /** Guards {@link #inflight}; held only to elect a leader, never during I/O; taken before {@code this}. */
    private final Object syncLock = new Object();
    /** The sync under way, which its leader completes; null when none is. */
    private java.util.concurrent.CompletableFuture<Void> inflight;
    /** The last record made durable: read without a lock, so a covered caller returns at once. */
    private volatile long durableSeq;

    AuditLog(Path stateDir, Clock clock) {
        this.dir = stateDir;
        this.clock = clock;
    }

    Path file() {
        return dir.resolve(LOG_FILE);
    }

    /**
     * Appends one record durably.
     *
     * @param fields the record's content; {@code seq}, {@code time} and {@code prev} are added
     * @return the record's sequence number
     * @throws IOException if the record could not be made durable; nothing is reported as done then
     */
    @Override
    public long append(Map<String, Object> fields) throws IOException {
        long seq = write(fields);
        syncThrough(seq);
        return seq;
    }

    /**
     * Appends one record without waiting for it to be durable: the next {@link #append} (of any caller)
     * makes it durable with its own.
     *
     * @param fields the record's content; {@code seq}, {@code time} and {@code prev} are added
     * @return the record's sequence number
     * @throws IOException if the record could not be written
     */
    @Override
    public long appendLater(Map<String, Object> fields) throws IOException {
        return write(fields);
    }

    /** @return the sequence number of the last record known to be on disk */
    long durableSeq() {
        return durableSeq;
    }

    private long write(Map<String, Object> fields) throws IOException {
        for (String own : OWN_FIELDS) {
            if (fields.containsKey(own)) {
                throw new IllegalArgumentException("an audit record's '" + own + "' is the log's own field");
            }
        }
        // the record's own fields become JSON before the lock: only the chain and the write are serialized
        String body = Json.MAPPER.writeValueAsString(fields);
        synchronized (this) {
            open();
            String line = "{\"seq\":" + (lastSeq + 1) + ",\"time\":\"" + clock.instant() + "\",\"prev\":\""
                    + lastHash + "\"" + (body.length() > 2 ? "," + body.substring(1) : "}") + "\n";
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            try {
                writeFully(channel, ByteBuffer.wrap(bytes));
            } catch (IOException e) {
                channel.truncate(end); // never leave half a record behind a failure we report
                channel.position(end);
                throw e;
            }
            end += bytes.length;
            lastSeq++;
            lastHash = AuditChain.sha256(bytes, bytes.length - 1);
            return lastSeq;
        }
    }

    /**
     * Makes every record up to {@code seq} durable, and seals the head at the last durable record. Group
     * commit: one caller leads a sync covering every record written so far; the others wait for that
     * sync's completion (no lock held) and return if it covered them, or lead the next one.
     */
    private void syncThrough(long seq) throws IOException {
        while (durableSeq < seq) {
            java.util.concurrent.CompletableFuture<Void> sync;
            boolean leader = false;
            synchronized (syncLock) {
                if (durableSeq >= seq) {
                    return;
                }
                if (inflight == null) {
                    inflight = new java.util.concurrent.CompletableFuture<>();
                    leader = true;
                }
                sync = inflight;
            }
            if (leader) {
                lead(sync);
            } else {
                try {
                    sync.join();
                } catch (java.util.concurrent.CompletionException e) {
                    // that sync failed; this caller leads the next attempt, or fails with its own error
                }
            }
        }
    }

    private void lead(java.util.concurrent.CompletableFuture<Void> sync) throws IOException {
        try {
            long target;
            String hash;
            FileChannel out;
            FileChannel seal;
            synchronized (this) {
                target = lastSeq;
                hash = lastHash;
                out = channel;
                seal = head;
            }
            out.force(false);
            if (seal == null) {
                firstHead(target, hash);
            } else {
                reseal(seal, target, hash);
            }
            durableSeq = target;
        } catch (IOException | RuntimeException e) {
            finish(sync, e);
            throw e;
        }
        finish(sync, null);
    }

    private void finish(java.util.concurrent.CompletableFuture<Void> sync, Exception failure) {
        synchronized (syncLock) {
            inflight = null;
        }
        if (failure == null) {
            sync.complete(null);
        } else {
            sync.completeExceptionally(failure);
        }
    }

    private void open() throws IOException {
        if (channel != null) {
            return;
        }
        Files.createDirectories(dir);
        Path file = file();
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
        }
        // a symlink planted in a state directory others can write must not aim root's appends at another file
        FileChannel opened = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        AuditChain.Tail tail = AuditChain.recoverTail(opened);
        end = opened.size();
        opened.position(end);
        channel = opened;
        lastSeq = tail.seq();
        lastHash = tail.hash();
        if (tail.seq() > 0) {
            opened.force(false);
            // a crash between a sync and its seal leaves the head behind: sealed anew, whole, at the log's end
            head = newHead(tail.seq(), tail.hash());
            durableSeq = tail.seq();
        }
    }

    /** Seals a log that had no records when it was opened: once, whole, by rename. */
    private synchronized void firstHead(long seq, String hash) throws IOException {
        if (head == null) {
            head = newHead(seq, hash);
        }
    }

    /**
     * Writes a new head file and puts it in place by rename, so a crash leaves the old seal or the new, never
     * a file half written (truncating the seal in place left it empty to a kill, and the log read as
     * tampered). The new file is created, never opened if it exists, so a planted link is not followed.
     *
     * @return the head file, open for the seal's overwrites
     */
    private FileChannel newHead(long seq, String hash) throws IOException {
        Path next = dir.resolve(HEAD_FILE + ".next");
        Files.deleteIfExists(next); // a leftover of a crash, or a planted link: removed, never followed
        FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            writeFully(out, ByteBuffer.wrap(seal(seq, hash)));
            out.force(false);
            Files.move(next, dir.resolve(HEAD_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            forcedSeal = seq;
            forcedAt = clock.millis();
            return out;
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /**
     * Overwrites the seal in place: one write of a line as long as the last (no truncation, no rename, no
     * fsync). The head is forced only now and then: until it is, a power loss may leave the previous seal,
     * which the reader accepts as a head behind the log.
     */
    private void reseal(FileChannel seal, long seq, String hash) throws IOException {
        ByteBuffer line = ByteBuffer.wrap(seal(seq, hash));
        while (line.hasRemaining()) {
            seal.write(line, line.position());
        }
        long now = clock.millis();
        if (seq - forcedSeal >= SEAL_FORCE_RECORDS || now - forcedAt >= SEAL_FORCE_MILLIS) {
            seal.force(false);
            forcedSeal = seq;
            forcedAt = now;
        }
    }

    /** The seal's line: the sequence number zero-padded to the width of any long, so every seal is as long. */
    static byte[] seal(long seq, String hash) {
        return String.format("%019d %s\n", seq, hash).getBytes(StandardCharsets.US_ASCII);
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    synchronized void close() {
        if (channel != null) {
            try (FileChannel log = channel; FileChannel seal = head) {
                if (seal != null) {
                    seal.force(false);
                }
            } catch (IOException e) {
                // every acknowledged record was forced; an unforced seal can only be behind, which verifies
            }
            channel = null;
            head = null;
        }
    }

    /** @return the read side over this log's files */
    AuditTrail trail() {
        return new AuditReader(dir.resolve(LOG_FILE), dir.resolve(HEAD_FILE));
    }

    static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
