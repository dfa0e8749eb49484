package io.fwgate.emulator.internal;

/**
 * A CCI a Tunnel Management Command can deliver to: an MLD's FM-owned LD, or one of its LDs. Answers
 * like a mailbox, under its own lock.
 */
@FunctionalInterface
interface CciTarget {
    /**
     * @param opcode the command's opcode
     * @param payload its input payload
     * @param maxResponseSize the largest output the requester accepts
     * @return the target's answer
     */
    Answer handle(int opcode, byte[] payload, int maxResponseSize);
}
