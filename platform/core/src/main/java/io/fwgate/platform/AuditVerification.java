package io.fwgate.platform;

/**
 * The result of verifying the audit log.
 *
 * @param intact true if every record is where and as it was written
 * @param records how many records were checked
 * @param problem the first problem found (line number and what is wrong), or empty
 */
public record AuditVerification(boolean intact, long records, String problem) {
}
