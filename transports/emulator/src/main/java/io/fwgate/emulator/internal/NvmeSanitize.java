package io.fwgate.emulator.internal;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

import io.fwgate.api.Effect;

/**
 * Sanitize (84h) and the Sanitize Status log (LID 81h). Block Erase and Crypto Erase run in the
 * background for {@link #DURATION} on the injected clock; the command itself completes at once. While
 * the operation runs, the admin queue aborts the commands the spec does not allow with Sanitize In
 * Progress. When the time is up, the next command the controller sees completes the operation: the
 * namespace's data is gone. Overwrite is not supported. Guarded by the controller's lock.
 */
final class NvmeSanitize implements AdminCommandSet {
    static final int SANITIZE = 0x84;
    static final Duration DURATION = Duration.ofSeconds(10);
    /** SANICAP bits: 0 Crypto Erase supported, 1 Block Erase supported, 2 Overwrite supported. */
    static final int SANICAP = 0b011;
    /** SANACT values (cdw10 bits 2:0). */
    static final int EXIT_FAILURE_MODE = 1;
    static final int BLOCK_ERASE = 2;
    static final int CRYPTO_ERASE = 4;
    /** Sanitize Status log: SPROG, SSTAT, SCDW10, six estimated times; 512 bytes. */
    static final int LOG_SIZE = 512;
    /** SSTAT bits 2:0. */
    static final int NEVER_SANITIZED = 0;
    static final int COMPLETED = 1;
    static final int IN_PROGRESS = 2;
    /** SSTAT bit 8: no user data written since the last successful sanitize. */
    static final int GLOBAL_DATA_ERASED = 1 << 8;
    /** Estimated time FFFFFFFFh: no time period reported. */
    static final int NOT_REPORTED = 0xffff_ffff;
    /** cdw10 bits 31:10 are reserved. */
    private static final long DEFINED_CDW10 = (1 << 10) - 1;

    private final LongSupplier nanos;
    private final Namespace namespace;
    private boolean running;
    private long startNanos;
    private int status = NEVER_SANITIZED;
    private boolean globalDataErased;
    private long lastCdw10;

    NvmeSanitize(LongSupplier nanos, Namespace namespace) {
        this.nanos = nanos;
        this.namespace = namespace;
    }

    @Override
    public List<NvmeCommand> commands() {
        // the kernel's known effects for Sanitize: LBCC and CSE; the operation reaches every namespace,
        // so CSE 010b (one command per controller)
        return List.of(new NvmeCommand(SANITIZE, "Sanitize", NvmeCommand.effectSet(Effect.LOGICAL_BLOCK_CONTENT_CHANGE),
                2, false, false, this::sanitize));
    }

    /** Completes the running operation if its time is up. */
    void update() {
        if (running && elapsed() >= DURATION.toNanos()) {
            running = false;
            status = COMPLETED;
            globalDataErased = true;
            namespace.erase();
        }
    }

    boolean inProgress() {
        return running;
    }

    private NvmeAnswer sanitize(NvmeInput input) {
        long cdw10 = input.cdw(10);
        if ((cdw10 & ~DEFINED_CDW10) != 0) {
            return NvmeAnswer.of(NvmeStatus.INVALID_FIELD);
        }
        int action = input.bits(10, 2, 0);
        if (action == EXIT_FAILURE_MODE) {
            // no sanitize operation here ever fails, so the controller is never in failure mode
            return NvmeAnswer.ok();
        }
        if (action != BLOCK_ERASE && action != CRYPTO_ERASE) {
            return NvmeAnswer.of(NvmeStatus.INVALID_FIELD);
        }
        running = true;
        startNanos = nanos.getAsLong();
        status = IN_PROGRESS;
        lastCdw10 = cdw10;
        return NvmeAnswer.ok();
    }

    /**
     * @return the Sanitize Status log: u16 SPROG at 0 (progress in 65536ths while in progress, else
     *         FFFFh), u16 SSTAT at 2, u32 SCDW10 at 4, then u32 estimated seconds for overwrite (8),
     *         block erase (12), crypto erase (16) and their no-deallocate variants (20, 24, 28)
     */
    byte[] statusLog() {
        int progress = running ? (int) Math.min(0xffff, elapsed() * 65536 / DURATION.toNanos()) : 0xffff;
        int seconds = (int) DURATION.toSeconds();
        return Bytes.out(LOG_SIZE)
                .putShort(0, (short) progress)
                .putShort(2, (short) (status | (globalDataErased ? GLOBAL_DATA_ERASED : 0)))
                .putInt(4, (int) lastCdw10)
                .putInt(8, NOT_REPORTED)
                .putInt(12, seconds)
                .putInt(16, seconds)
                .putInt(20, NOT_REPORTED)
                .putInt(24, NOT_REPORTED)
                .putInt(28, NOT_REPORTED)
                .array();
    }

    private long elapsed() {
        return nanos.getAsLong() - startNanos;
    }
}
