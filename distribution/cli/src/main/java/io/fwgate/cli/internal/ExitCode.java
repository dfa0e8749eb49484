package io.fwgate.cli.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fwgate.platform.CallException;

/** The CLI's exit codes: the one list scripts rely on, also printed in the {@code --help} footer. */
enum ExitCode {
    /** The command did what was asked. */
    SUCCESS(0, "success"),
    /** fwgate itself could not work: state not writable, audit failure, internal error. */
    FAILURE(1, "fwgate could not work (state dir, audit log, internal error)"),
    /** Bad option, unknown device or command, malformed or out-of-range argument. */
    USAGE(2, "usage error (option, device, command or argument)"),
    /** The permission gate refused the call. */
    REFUSED(3, "refused by the permission gate"),
    /** The device answered with a failure status. */
    DEVICE_FAILED(4, "the device answered with a failure status"),
    /** The request could not be delivered to the device, or no answer came back. */
    DELIVERY_FAILED(5, "delivery to the device failed"),
    /** A background operation made no progress for {@code --wait-timeout}; it may still run, its handle is printed. */
    STILL_RUNNING(6, "stopped waiting on a background operation that made no progress");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** @return the process exit status */
    int code() {
        return code;
    }

    /**
     * @param kind why a call failed
     * @return the exit code reporting it
     */
    static ExitCode of(CallException.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> USAGE;
            case REFUSED -> REFUSED;
            case DELIVERY_FAILED -> DELIVERY_FAILED;
            case AUDIT_FAILED -> FAILURE;
        };
    }

    /** @return code to meaning, in order, as picocli's exit code list wants it */
    static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode exit : values()) {
            list.put(Integer.toString(exit.code), exit.meaning);
        }
        return list;
    }
}
