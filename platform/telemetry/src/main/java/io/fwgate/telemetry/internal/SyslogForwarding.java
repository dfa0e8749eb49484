package io.fwgate.telemetry.internal;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the {@link AuditForwarder} on one thread: once a second, and at once after each call (nudged by the
 * call observer), coalescing nudges that arrive while a run is pending. A failure (receiver down) is told
 * once on standard error, and again only when it changes; recovery is told too. Thread-safe.
 */
final class SyslogForwarding {
    private final AuditForwarder forwarder;
    private final SyslogSender sender;
    private final ExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();
    private String lastProblem;

    /**
     * @param forwarder what sends the records
     * @param sender its sender, closed at the end
     * @param thread the one thread it runs on
     */
    SyslogForwarding(AuditForwarder forwarder, SyslogSender sender, ExecutorService thread) {
        this.forwarder = forwarder;
        this.sender = sender;
        this.thread = thread;
    }

    /** Asks for a run soon; cheap and non-blocking, for the call observer. */
    void nudge() {
        if (pending.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                pending.set(false); // stopping: the records stay in the log and are sent after the next start
            }
        }
    }

    /** One forwarding run; called on the forwarding thread only. */
    void run() {
        pending.set(false);
        try {
            forwarder.forward();
            if (lastProblem != null) {
                System.err.println("fwgate telemetry: syslog forwarding works again");
                lastProblem = null;
            }
        } catch (IOException | RuntimeException e) {
            String problem = String.valueOf(e.getMessage());
            if (!Objects.equals(problem, lastProblem)) {
                System.err.println("fwgate telemetry: cannot forward audit records to syslog (retrying): " + problem);
                lastProblem = problem;
            }
        }
    }

    /** Closes the connection; the caller stops the thread. */
    void close() {
        sender.close();
    }
}
