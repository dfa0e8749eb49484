package io.fwgate.core.internal;

import java.io.IOException;
import java.util.Map;

/**
 * Where the router's records go: the durable {@link AuditLog} in every runtime. The seam exists so the
 * benchmarks can measure the gate's own cost against the audit's.
 */
@FunctionalInterface
interface AuditAppender {
    /**
     * @param record the record's content
     * @return its sequence number, once durable
     * @throws IOException if it could not be made durable
     */
    long append(Map<String, Object> record) throws IOException;

    /**
     * Writes a record that need not be durable yet: it becomes durable, at the latest, with the next
     * {@link #append} (of any caller), which makes every record before its own durable too. An appender
     * without that distinction makes it durable at once.
     *
     * @param record the record's content
     * @return its sequence number
     * @throws IOException if it could not be written
     */
    default long appendLater(Map<String, Object> record) throws IOException {
        return append(record);
    }
}
