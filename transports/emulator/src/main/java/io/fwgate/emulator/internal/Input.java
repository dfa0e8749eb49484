package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;

/**
 * One command's input as a handler sees it.
 *
 * @param payload the input payload
 * @param responseLimit the largest output payload the requester accepts (never above the mailbox's
 *        payload size); a handler whose output can vary in size sizes it to fit
 */
record Input(byte[] payload, int responseLimit) {
    int length() {
        return payload.length;
    }

    /** @return the payload as a little-endian buffer, the byte order of every mailbox field */
    ByteBuffer le() {
        return Bytes.in(payload);
    }
}
