package io.fwgate.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditForwarderTest {
    private static final Rfc5424.Header HEADER = new Rfc5424.Header(10, "host1", "fwgate", "1", "fwgate@32473");

    @TempDir
    Path state;

    private final CapturingSender sender = new CapturingSender();

    @Test
    void theFirstStartBeginsAtTheEndOfTheLogAndThenSendsEachNewRecordInOrder() throws Exception {
        append(record(1), record(2));
        AuditForwarder forwarder = new AuditForwarder(state, HEADER, sender);

        assertThat(forwarder.forward()).isEqualTo(2);
        assertThat(sender.messages).isEmpty();

        append(record(3), record(4));
        assertThat(forwarder.forward()).isEqualTo(4);
        assertThat(sender.messages).hasSize(2);
        assertThat(sender.messages.get(0)).contains("sequenceId=\"3\"").endsWith(" " + record(3));
        assertThat(sender.messages.get(1)).endsWith(" " + record(4));
    }

    @Test
    void aRestartGoesOnFromTheSavedCursor() throws Exception {
        append(record(1));
        new AuditForwarder(state, HEADER, sender).forward();
        append(record(2), record(3));

        new AuditForwarder(state, HEADER, sender).forward();

        assertThat(sender.messages).extracting(m -> m.substring(m.lastIndexOf(' ') + 1))
                .containsExactly(record(2), record(3));
        assertThat(Files.readString(state.resolve("syslog.cursor")).trim()).isEqualTo("3");
    }

    @Test
    void aReceiverThatFailsGetsTheSameRecordsLaterAndNothingTwice() throws Exception {
        AuditForwarder forwarder = new AuditForwarder(state, HEADER, sender);
        forwarder.forward();
        append(record(1), record(2));
        sender.failAfter = 1;

        assertThatThrownBy(forwarder::forward).isInstanceOf(IOException.class).hasMessage("receiver down");
        sender.failAfter = Integer.MAX_VALUE;
        forwarder.forward();

        assertThat(sender.messages).extracting(m -> m.substring(m.lastIndexOf(' ') + 1))
                .containsExactly(record(1), record(2));
    }

    @Test
    void aLineWithoutItsNewlineYetWaitsForIt() throws Exception {
        AuditForwarder forwarder = new AuditForwarder(state, HEADER, sender);
        forwarder.forward();
        Files.writeString(state.resolve("audit.jsonl"), record(1), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);

        forwarder.forward();
        assertThat(sender.messages).isEmpty();

        Files.writeString(state.resolve("audit.jsonl"), "\n", StandardOpenOption.APPEND);
        forwarder.forward();
        assertThat(sender.messages).hasSize(1);
    }

    @Test
    void withoutAnAuditLogThereIsNothingToSend() throws Exception {
        assertThat(new AuditForwarder(state, HEADER, sender).forward()).isZero();
        assertThat(sender.messages).isEmpty();
    }

    /** A record as the core writes it: one JSON object per line, seq first. */
    private static String record(int seq) {
        return "{\"seq\":" + seq + ",\"time\":\"2026-11-24T08:00:0" + seq + "Z\",\"prev\":\"h" + (seq - 1)
                + "\",\"device\":\"emu:mem0\",\"command\":\"identify\",\"decision\":\"allowed\"}";
    }

    private void append(String... records) throws IOException {
        for (String record : records) {
            Files.writeString(state.resolve("audit.jsonl"), record + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static final class CapturingSender implements SyslogSender {
        final List<String> messages = new ArrayList<>();
        int failAfter = Integer.MAX_VALUE;

        @Override
        public void send(byte[] message) throws IOException {
            if (messages.size() >= failAfter) {
                throw new IOException("receiver down");
            }
            messages.add(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
        }
    }
}
