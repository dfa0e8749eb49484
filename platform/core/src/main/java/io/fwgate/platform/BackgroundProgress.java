package io.fwgate.platform;

/**
 * A device's background operation (sanitize, firmware transfer, media scan) as the device reports it.
 *
 * @param running an operation is still in progress
 * @param percent how far it is, 0 to 100
 * @param opcode the opcode of the operation, or -1 when the device does not say
 * @param status the operation's return code once finished (0 success), or 0 while running
 * @param statusName the return code's name, or {@code running}
 */
public record BackgroundProgress(boolean running, int percent, int opcode, int status, String statusName) {
}
