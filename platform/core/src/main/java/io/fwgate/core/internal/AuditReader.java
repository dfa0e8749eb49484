package io.fwgate.core.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

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

    @Override
    public AuditVerification verify() throws IOException {
        long count = 0;
        String prev = AuditChain.GENESIS;
        String previousHash = AuditChain.GENESIS;
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
                    return broken(count, "line " + lineNo + " has sequence number " + node.path("seq")
                            + ", expected " + lineNo + " (a record was removed, inserted or reordered)");
                }
                if (!prev.equals(node.path("prev").asText())) {
                    return broken(count, "line " + lineNo + " does not chain to the record before it"
                            + " (that record was edited, removed or reordered)");
                }
                previousHash = prev;
                prev = AuditChain.sha256(line);
                count++;
            }
        } catch (NoSuchFileException e) {
            return Files.exists(head) ? broken(0, "the log file is missing but its head seal exists")
                    : new AuditVerification(true, 0, "");
        }
        return checkHead(count, prev, previousHash);
    }

    /**
     * The head may be one record behind: a crash between a record's fsync and its seal leaves it so,
     * and the next writer re-seals. Anything else means records were removed or the tail was edited.
     */
    private AuditVerification checkHead(long count, String lastHash, String beforeLast) throws IOException {
        String sealed;
        try {
            sealed = Files.readString(head, StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            return count == 0 ? new AuditVerification(true, 0, "")
                    : broken(count, "the head seal " + head.getFileName() + " is missing");
        }
        String expected = count + " " + lastHash;
        if (!sealed.equals(expected) && !sealed.equals((count - 1) + " " + beforeLast)) {
            return broken(count, "the head seal says '" + sealed + "' but the log ends at record " + count
                    + " (records were removed from the end or the last record was edited)");
        }
        return new AuditVerification(true, count, "");
    }

    private static AuditVerification broken(long checked, String problem) {
        return new AuditVerification(false, checked, problem);
    }
}
