package io.fwgate.deployer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.fwgate.platform.AuditSink;

/**
 * The deployer's audit records, in the platform's hash-chained log: every install, update, uninstall and
 * refusal, each marked with dev mode when it is on. An install whose record cannot be written is undone
 * by the caller; a refusal or uninstall has already taken effect, so a failed record leaves only the
 * plugin list to show it (the audit log failing also stops every call, so it does not go unnoticed).
 */
final class DeployAudit {
    private final AuditSink sink;
    private final boolean devMode;

    DeployAudit(AuditSink sink, boolean devMode) {
        this.sink = sink;
        this.devMode = devMode;
    }

    /**
     * @param event {@code plugin-installed} or {@code plugin-updated}
     * @param deployed what now runs
     * @param latencyMillis from the file first seen to the bundle started
     * @throws IOException if the record could not be made durable
     */
    void deployed(String event, Deployer.Deployed deployed, long latencyMillis) throws IOException {
        Map<String, Object> fields = common(deployed.source());
        Verifier.Verified verified = deployed.verified();
        fields.put("bundle", verified.headers().symbolicName());
        fields.put("version", verified.headers().version());
        fields.put("bundle-id", deployed.bundleId());
        fields.put("sha256", verified.sha256());
        fields.put("signer", verified.signerName());
        fields.put("cap", verified.cap().toString());
        fields.put("commands", verified.commands());
        fields.put("latency-ms", latencyMillis);
        sink.append(event, fields);
    }

    void refused(Path file, Refusal refusal) {
        Map<String, Object> fields = common(file);
        refusal.headers().ifPresent(headers -> {
            fields.put("bundle", headers.symbolicName());
            fields.put("version", headers.version());
        });
        fields.put("reason", refusal.reason().id());
        fields.put("detail", refusal.detail());
        append("plugin-refused", fields);
    }

    void uninstalled(Deployer.Deployed deployed, String cause, String detail, String problem) {
        Map<String, Object> fields = common(deployed.source());
        fields.put("bundle", deployed.verified().headers().symbolicName());
        fields.put("version", deployed.verified().headers().version());
        fields.put("bundle-id", deployed.bundleId());
        fields.put("reason", cause);
        fields.put("detail", detail);
        if (!problem.isEmpty()) {
            fields.put("problem", problem);
        }
        append("plugin-uninstalled", fields);
    }

    void failure(String where, String problem) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("where", where);
        fields.put("problem", problem);
        fields.put("dev-mode", devMode);
        append("deployer-problem", fields);
    }

    private Map<String, Object> common(Path file) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", file.toString());
        fields.put("dev-mode", devMode);
        return fields;
    }

    private void append(String event, Map<String, Object> fields) {
        try {
            sink.append(event, fields);
        } catch (IOException e) {
            // already in effect; see the class comment for why nothing more can be done here
        }
    }
}
