package io.fwgate.daemon.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A connection whose input is a script of chunks, silences and an end; it records what is written.
 * A silence makes {@link #awaitInput} report that the time ran out and moves the test clock past it.
 */
final class ScriptedConnection implements Connection {
    private static final Object SILENCE = new Object();
    private static final Object END = new Object();

    private final Deque<Object> script = new ArrayDeque<>();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    long nanos;

    ScriptedConnection send(String text) {
        script.add(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    ScriptedConnection send(byte[] bytes) {
        script.add(bytes);
        return this;
    }

    ScriptedConnection silence() {
        script.add(SILENCE);
        return this;
    }

    ScriptedConnection end() {
        script.add(END);
        return this;
    }

    @Override
    public boolean awaitInput(long millis) {
        if (script.peek() == SILENCE) {
            script.poll();
            nanos += (millis + 1) * 1_000_000;
            return false;
        }
        return true;
    }

    @Override
    public int read(byte[] buffer) {
        Object next = script.isEmpty() ? END : script.poll();
        if (next == END) {
            return -1;
        }
        byte[] chunk = (byte[]) next;
        System.arraycopy(chunk, 0, buffer, 0, chunk.length);
        return chunk.length;
    }

    @Override
    public void write(byte[] bytes) {
        written.writeBytes(bytes);
    }

    /** @return the lines written, without their newlines */
    List<String> lines() {
        return written.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
