package io.fwgate.emulator.internal;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The device's one background operation slot: the operation running now, or the last one that ran,
 * with the progress and result that Background Operation Status (0002h) reports. Time comes from an
 * injected nanosecond source; an operation completes the first time the device looks at it after its
 * duration has passed. Guarded by the mailbox's lock.
 */
final class BackgroundOperation {
    /** Background Operation Status output size (CXL 3.x: status, rsvd, opcode, return code, vendor status). */
    static final int STATUS_SIZE = 8;

    private final LongSupplier nanos;
    private int opcode;
    private long startNanos;
    private long durationNanos;
    private boolean running;
    private boolean disablesMedia;
    private Supplier<CxlReturnCode> completion;
    private CxlReturnCode result = CxlReturnCode.SUCCESS;

    BackgroundOperation(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /**
     * Starts an operation. The caller has checked that none runs.
     *
     * @param opcode the command that started it
     * @param duration how long it runs
     * @param disablesMedia true if the media is unavailable while it runs (sanitize)
     * @param completion what it does when it completes, returning the operation's return code
     */
    void start(int opcode, Duration duration, boolean disablesMedia, Supplier<CxlReturnCode> completion) {
        this.opcode = opcode;
        this.startNanos = nanos.getAsLong();
        this.durationNanos = duration.toNanos();
        this.disablesMedia = disablesMedia;
        this.completion = completion;
        this.running = true;
    }

    /** Completes the running operation if its time is up. */
    void update() {
        if (running && elapsed() >= durationNanos) {
            running = false;
            result = completion.get();
            completion = null;
        }
    }

    boolean running() {
        return running;
    }

    boolean mediaDisabled() {
        return running && disablesMedia;
    }

    /**
     * @return the Background Operation Status output: byte 0 bit 0 "in progress" and bits 7:1 the
     *         percentage complete, u16 opcode at 2, u16 return code at 4 (meaningful once complete),
     *         u16 vendor extended status at 6 (always 0 here)
     */
    byte[] status() {
        int percent = running ? (int) Math.min(99, elapsed() * 100 / durationNanos) : opcode == 0 ? 0 : 100;
        return Bytes.out(STATUS_SIZE)
                .put(0, (byte) (percent << 1 | (running ? 1 : 0)))
                .putShort(2, (short) opcode)
                .putShort(4, (short) (running ? 0 : result.code()))
                .array();
    }

    private long elapsed() {
        return nanos.getAsLong() - startNanos;
    }
}
