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
import java.util.Map;

import io.fwgate.platform.AuditTrail;

/**
 * The append-only audit log: one JSON object per line, each holding its sequence number and the
 * SHA-256 of the previous line, so an edited, removed, inserted or reordered record breaks the chain.
 * A separate head file seals the last record, so removing records from the end is detected too.
 *
 * <p>{@link #append} returns only after the record is on disk (fsync): callers report success after it.
 * Thread-safe. Appends are serialized; syncs are grouped: a caller whose record another caller's fsync
 * already covered returns without one, so N concurrent callers pay for far fewer than N fsyncs.
 */
final class AuditLog {
    static final String LOG_FILE = "audit.jsonl";
    static final String HEAD_FILE = "audit.head";

    private final Path dir;
    private final Clock clock;
    private FileChannel channel;
    private long lastSeq;
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
    long append(Map<String, Object> fields) throws IOException {
        long seq = write(fields);
        syncThrough(seq);
        return seq;
    }

    private synchronized long write(Map<String, Object> fields) throws IOException {
        open();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("seq", lastSeq + 1);
        record.put("time", clock.instant().toString());
        record.put("prev", lastHash);
        record.putAll(fields);
        byte[] line = (Json.MAPPER.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        long end = channel.size();
        try {
            writeFully(channel, ByteBuffer.wrap(line));
        } catch (IOException e) {
            channel.truncate(end); // never leave half a record behind a failure we report
            throw e;
        }
        lastSeq++;
        lastHash = AuditChain.sha256(line, line.length - 1);
        return lastSeq;
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
            synchronized (this) {
                target = lastSeq;
                hash = lastHash;
                out = channel;
            }
            out.force(false);
            writeHead(target, hash);
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
        opened.position(opened.size());
        channel = opened;
        lastSeq = tail.seq();
        lastHash = tail.hash();
        if (tail.seq() > 0) {
            opened.force(false);
            writeHead(tail.seq(), tail.hash()); // a crash between a sync and its seal leaves the head behind
        }
    }

    private void writeHead(long seq, String hash) throws IOException {
        Path next = dir.resolve(HEAD_FILE + ".next");
        byte[] text = (seq + " " + hash + "\n").getBytes(StandardCharsets.US_ASCII);
        Files.deleteIfExists(next); // a leftover of a crash, or a planted link: removed, never followed
        try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeFully(out, ByteBuffer.wrap(text));
            out.force(false);
        }
        // rewriting the seal in place would leave it empty to a kill between truncate and write, and the log
        // would then read as tampered: a rename replaces it whole, so a crash leaves the old seal or the new
        Files.move(next, dir.resolve(HEAD_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // every record was forced when written; nothing is lost by a failed close
            }
            channel = null;
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
