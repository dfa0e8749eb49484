package io.fwgate.platform;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** The tamper-evident audit log, read side. */
@ProviderType
public interface AuditTrail {
    /**
     * @param limit the most records to return, newest last; 0 for all
     * @return records as JSON-ready maps, oldest first
     * @throws IOException if the log cannot be read
     */
    List<Map<String, Object>> records(int limit) throws IOException;

    /**
     * Checks the hash chain and the sealed head: detects edited, removed, inserted or reordered records.
     *
     * @return the verdict
     * @throws IOException if the log cannot be read
     */
    AuditVerification verify() throws IOException;
}
