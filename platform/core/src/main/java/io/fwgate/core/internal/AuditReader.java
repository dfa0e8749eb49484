package io.fwgate.core.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.fwgate.platform.AuditTrail;
import io.fwgate.platform.AuditVerification;

/** Reads and verifies the audit log's files. Stateless; safe to use while records are appended. */
final class AuditReader implements AuditTrail {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private final Path log;
    private final Path head;

    AuditReader(Path log, Path head) {
        this.log = log;
        this.head = head;
    }

    @Override
    public List<Map<String, Object>> records(int limit) throws IOException {
        Deque<Map<String, Object>> records = new ArrayDeque<>();
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                records.addLast(Json.MAPPER.readValue(line, MAP));
                if (limit > 0 && records.size() > limit) {
                    records.removeFirst();
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return new ArrayList<>(records);
    }

    /**
     * Walks the chain, then checks the head seal: it names a record made durable, which every record
     * acknowledged before it precedes. Records after it were not sealed yet (a crash before their fsync,
     * or a seal not yet forced); records missing before it, or a sealed record that changed, are tampering.
     *
     * <p>The writer overwrites the seal in place while it runs, so a seal read during an overwrite may be
     * half old, half new: a failed check is believed only if the seal did not change while it was made.
     */
    @Override
    public AuditVerification verify() throws IOException {
        AuditVerification result = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<byte[]> before = readHead();
            result = verify(before.map(AuditReader::parseSeal));
            Optional<byte[]> after = readHead();
            boolean steady = before.isPresent() == after.isPresent()
                    && (before.isEmpty() || Arrays.equals(before.get(), after.get()));
            if (result.intact() || steady) {
                return result;
            }
        }
        return result;
    }

    private AuditVerification verify(Optional<String[]> seal) throws IOException {
        long sealedSeq = seal.map(s -> parseSeq(s[0])).orElse(0L);
        String sealedHash = null;
        long count = 0;
        String prev = AuditChain.GENESIS;
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                long lineNo = count + 1;
                JsonNode node;
                try {
                    node = Json.MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    return broken(count, "line " + lineNo + " is not a JSON record");
                }
                if (node == null || node.path("seq").asLong(-1) != lineNo) {
                    return broken(count, "line " + lineNo + " has sequence number " + (node == null ? "none" : node.path("seq"))
                            + ", expected " + lineNo + " (a record was removed, inserted or reordered)");
                }
                if (!prev.equals(node.path("prev").asText())) {
                    return broken(count, "line " + lineNo + " does not chain to the record before it"
                            + " (that record was edited, removed or reordered)");
                }
                prev = AuditChain.sha256(line);
                if (lineNo == sealedSeq) {
                    sealedHash = prev;
                }
                count++;
            }
        } catch (NoSuchFileException e) {
            return seal.isPresent() ? broken(0, "the log file is missing but its head seal exists")
                    : new AuditVerification(true, 0, "");
        } catch (CharacterCodingException e) {
            // the writer only writes UTF-8 JSON: bytes that do not decode are damage or tampering, not an I/O error
            return broken(count, "the log is not UTF-8 text after record " + count + " (it was edited or damaged)");
        }
        return checkSeal(seal, sealedSeq, sealedHash, count);
    }

    private AuditVerification checkSeal(Optional<String[]> seal, long sealedSeq, String sealedHash, long count) {
        if (seal.isEmpty()) {
            return count == 0 ? new AuditVerification(true, 0, "")
                    : broken(count, "the head seal " + head.getFileName() + " is missing");
        }
        if (sealedSeq > count) {
            return broken(count, "the head seal names record " + sealedSeq + " but the log ends at record " + count
                    + " (records were removed from the end)");
        }
        if (sealedSeq < 1 || !seal.get()[1].equals(sealedHash)) {
            return broken(count, "record " + sealedSeq + " no longer matches the head seal (it was edited)");
        }
        return new AuditVerification(true, count, "");
    }

    private Optional<byte[]> readHead() throws IOException {
        try {
            return Optional.of(Files.readAllBytes(head));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** @return the seal's sequence number (zero-padded or not) and hash; {@code -1} when it is not a seal */
    private static String[] parseSeal(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return new String[] { "-1", "" }; // not the ASCII the writer writes: checkSeal says so
            }
        }
        String[] parts = new String(bytes, StandardCharsets.US_ASCII).trim().split(" ");
        return parts.length == 2 ? parts : new String[] { "-1", "" };
    }

    private static long parseSeq(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static AuditVerification broken(long checked, String problem) {
        return new AuditVerification(false, checked, problem);
    }
}
