package io.fwgate.emulator.internal;

/**
 * What an NVMe controller returns for one admin command: the status, the controller-to-host data and
 * completion dword 0. Failures carry no data and a zero dword 0.
 *
 * @param status the status
 * @param payload the data transferred to the host, never null
 * @param result completion dword 0, an unsigned 32-bit value
 */
record NvmeAnswer(NvmeStatus status, byte[] payload, long result) {
    private static final byte[] NONE = new byte[0];

    static NvmeAnswer ok(byte[] payload) {
        return new NvmeAnswer(NvmeStatus.SUCCESS, payload, 0);
    }

    static NvmeAnswer ok() {
        return ok(NONE);
    }

    /** A success without data whose completion dword 0 is {@code result}. */
    static NvmeAnswer result(long result) {
        return new NvmeAnswer(NvmeStatus.SUCCESS, NONE, result & 0xffff_ffffL);
    }

    static NvmeAnswer of(NvmeStatus status) {
        return new NvmeAnswer(status, NONE, 0);
    }
}
