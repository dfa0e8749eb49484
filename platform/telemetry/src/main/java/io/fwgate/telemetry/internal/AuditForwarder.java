package io.fwgate.telemetry.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Forwards every audit record to syslog, in order, by following {@code <state>/audit.jsonl} (the documented,
 * append-only audit log: one JSON record per line) the way a log shipper follows a file. The sequence
 * number of the last record handed to the network is kept in {@code <state>/syslog.cursor}, so a restart
 * goes on where it stopped and a receiver that was down gets what it missed (at least once: a record may
 * arrive twice after a crash). The first start with forwarding on begins at the end of the log: history is
 * not replayed. Not thread-safe: the component runs it on one thread.
 */
final class AuditForwarder {
    static final String LOG = "audit.jsonl";
    static final String CURSOR = "syslog.cursor";
    private static final TypeReference<Map<String, Object>> RECORD = new TypeReference<>() {
    };
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Read at most this much per step, so a long backlog is sent in bounded pieces. */
    private static final int CHUNK = 1 << 20;

    private final Path log;
    private final Path cursorFile;
    private final Rfc5424.Header header;
    private final SyslogSender sender;
    private long position;
    private long cursor = -1;

    /**
     * @param stateDir the state directory holding the audit log
     * @param header the syslog header fields of this host
     * @param sender where messages go
     */
    AuditForwarder(Path stateDir, Rfc5424.Header header, SyslogSender sender) {
        this.log = stateDir.resolve(LOG);
        this.cursorFile = stateDir.resolve(CURSOR);
        this.header = header;
        this.sender = sender;
    }

    /**
     * Sends the records appended since the last call (on the first call: since the saved cursor).
     *
     * @return the sequence number of the last record sent so far (0 before any)
     * @throws IOException if the log cannot be read or the receiver cannot be reached; the records not sent
     *         are sent by a later call
     */
    long forward() throws IOException {
        if (cursor < 0) {
            cursor = readCursor();
        }
        long before = cursor;
        try (FileChannel in = FileChannel.open(log, StandardOpenOption.READ)) {
            if (in.size() < position) {
                position = 0; // a new log (the state directory was reset): read it from its start
            }
            while (position < in.size()) {
                ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK, in.size() - position));
                in.read(chunk, position);
                int handled = sendLines(chunk.array(), chunk.position());
                if (handled == 0 && chunk.position() == CHUNK) {
                    throw new IOException(log + " has a line longer than " + CHUNK + " bytes at offset " + position);
                }
                if (handled == 0) {
                    break; // a record being written: its newline comes with the next look
                }
            }
        } catch (NoSuchFileException e) {
            return cursor; // nothing audited yet
        } finally {
            if (cursor != before) {
                saveCursor();
            }
        }
        return cursor;
    }

    /**
     * Sends each complete line of {@code bytes}, advancing {@link #position} past each line handled.
     *
     * @return how many bytes of complete lines were handled
     */
    private int sendLines(byte[] bytes, int length) throws IOException {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                send(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                position += i + 1 - start;
                start = i + 1;
            }
        }
        return start;
    }

    /** Sends a record unless an earlier run sent it already. */
    private void send(String line) throws IOException {
        Map<String, Object> record = MAPPER.readValue(line, RECORD);
        long seq = record.get("seq") instanceof Number ? ((Number) record.get("seq")).longValue() : 0;
        if (seq <= cursor) {
            return;
        }
        sender.send(Rfc5424.format(header, record, line));
        cursor = seq;
    }

    /** The saved cursor; without one, the last record now in the log, so forwarding starts after it. */
    private long readCursor() throws IOException {
        try {
            return Long.parseLong(Files.readString(cursorFile, StandardCharsets.US_ASCII).trim());
        } catch (NoSuchFileException e) {
            long last = lastSequence();
            cursor = last;
            saveCursor();
            return last;
        } catch (NumberFormatException e) {
            throw new IOException(cursorFile + " does not hold a sequence number; remove it to forward from now on");
        }
    }

    private long lastSequence() throws IOException {
        try {
            long last = 0;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Object seq = MAPPER.readValue(line, RECORD).get("seq");
                last = seq instanceof Number ? ((Number) seq).longValue() : last;
            }
            return last;
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    private void saveCursor() throws IOException {
        Path temporary = cursorFile.resolveSibling(CURSOR + ".tmp");
        Files.writeString(temporary, cursor + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, cursorFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
