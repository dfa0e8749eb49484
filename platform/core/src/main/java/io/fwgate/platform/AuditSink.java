package io.fwgate.platform;

import java.io.IOException;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Appends platform events (plugin installed, refused, revoked) to the audit log, in the same hash chain
 * as call records. Registered by the platform core; thread-safe.
 */
@ProviderType
public interface AuditSink {
    /**
     * Appends one record durably.
     *
     * @param event what happened, kebab-case, e.g. {@code plugin-refused}
     * @param fields the record's content (JSON-ready values)
     * @return the record's sequence number
     * @throws IOException if the record could not be made durable
     */
    long append(String event, Map<String, Object> fields) throws IOException;
}
