package io.fwgate.deployer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fwgate.platform.AuditSink;

/**
 * Keeps the installed drop-in bundles equal to what the deploy (and dev) directory holds and the trust
 * configuration allows. Each scan: reload the configuration if it changed and re-verify every deployed
 * bundle against it (a revocation unloads at once); then install, update or uninstall for every file
 * that settled in a new version or went away. A refusal never touches what already runs. Not
 * thread-safe: one scanning thread owns it; {@link Deployments} publishes its refusals to other threads.
 */
final class Deployer {
    /** Locations of bundles this deployer installed start with this. */
    static final String LOCATION_PREFIX = "fwgate-deployer:";
    /** Locations of dev bundles start with this. */
    static final String DEV_LOCATION_PREFIX = LOCATION_PREFIX + "dev/";

    /** A bundle installed from a file. */
    record Deployed(Path source, String location, long bundleId, Staging.Staged staged, Verifier.Verified verified) {
    }

    private final DeploySettings settings;
    private final Verifier verifier;
    private final Staging staging;
    private final BundleHost host;
    private final Clock clock;
    private final DeployAudit audit;
    private final Deployments deployments;
    private final StableFiles files;
    private final StableFiles configFiles;
    private final Map<Path, Deployed> deployed = new HashMap<>();
    private TrustConfig config = TrustConfig.EMPTY;
    private Optional<InvalidConfigException> configError = Optional.empty();
    private String lastDefect = "";

    Deployer(DeploySettings settings, BundleHost host, AuditSink sink, Clock clock, Deployments deployments) {
        this.settings = settings;
        this.verifier = new Verifier(settings.limits(), clock);
        this.staging = new Staging(settings.stagingDir(), settings.limits().maxFileBytes());
        this.host = host;
        this.clock = clock;
        this.audit = new DeployAudit(sink, settings.devDir().isPresent());
        this.deployments = deployments;
        this.files = new StableFiles(settings.settleMillis());
        this.configFiles = new StableFiles(settings.settleMillis());
    }

    /**
     * Starts from nothing: bundles an earlier run installed are uninstalled (they are verified afresh
     * from their files) and staged copies are removed; the configuration is read.
     */
    void start() {
        for (Map.Entry<String, Long> leftover : host.installed(LOCATION_PREFIX).entrySet()) {
            try {
                host.uninstall(leftover.getValue());
            } catch (BundleHost.HostException e) {
                audit.failure(leftover.getKey(), "cannot uninstall a bundle left by an earlier run: " + e.getMessage());
            }
        }
        try {
            staging.clear();
        } catch (IOException e) {
            audit.failure(settings.stagingDir().toString(), "cannot clear old staged copies: " + e.getMessage());
        }
        configFiles.baseline(Listing.config(settings.configDir()), clock.millis());
        loadConfig();
    }

    /** One pass over the configuration and the directories. Never throws for a bad file. */
    void scan() {
        long now = clock.millis();
        if (configFiles.scan(Listing.config(settings.configDir()), now).any()) {
            loadConfig();
            recheckDeployed();
            files.redeliver(now);
        }
        Optional<Map<Path, StableFiles.Stamp>> listing = Listing.bundles(settings);
        if (listing.isEmpty()) {
            // a directory that exists but cannot be listed now: its files are not gone, look again later
            deployments.publish();
            return;
        }
        StableFiles.Scan scan = files.scan(listing.get(), now);
        for (Path gone : scan.removed()) {
            deployments.forget(gone);
            Deployed old = deployed.get(gone);
            if (old != null) {
                uninstall(old, "file-removed", "the file was removed");
            }
        }
        for (StableFiles.Change change : scan.changed()) {
            process(change);
        }
        deployments.publish();
    }

    /**
     * Records a defect that escaped a scan, once per distinct message, so a repeating one does not flood
     * the audit log.
     *
     * @param defect what escaped
     */
    void defect(RuntimeException defect) {
        String problem = defect.toString();
        if (!problem.equals(lastDefect)) {
            lastDefect = problem;
            audit.failure("scan", problem);
        }
    }

    /** @return true if a file is changing: scan again after the settle interval rather than idling */
    boolean settling() {
        return files.settling() || configFiles.settling();
    }

    /** Uninstalls everything this deployer installed: without it running, nothing would enforce revocations. */
    void stop() {
        for (Deployed d : List.copyOf(deployed.values())) {
            uninstall(d, "deployer-stopped", "the deployer stopped");
        }
        deployments.publish();
    }

    private void process(StableFiles.Change change) {
        Path file = change.path();
        boolean dev = isDev(file);
        Staging.Staged staged;
        try {
            if (configError.isPresent()) {
                throw new Refusal(Reason.INVALID_CONFIGURATION, configError.get().getMessage());
            }
            staged = staging.stage(file);
        } catch (Refusal refusal) {
            refuse(file, refusal);
            return;
        }
        Verifier.Verified verified;
        try {
            verified = verifier.verify(staged, dev, config);
        } catch (Refusal refusal) {
            staging.discard(staged.file());
            refuse(file, refusal);
            return;
        }
        Deployed old = deployed.get(file);
        if (old != null && old.verified().sha256().equals(verified.sha256())) {
            staging.discard(staged.file());
            deployments.forget(file);
            return;
        }
        deploy(file, old, staged, verified, clock.millis() - change.firstSeenMillis());
    }

    private void deploy(Path file, Deployed old, Staging.Staged staged, Verifier.Verified verified, long latencyMillis) {
        String location = old != null ? old.location() : location(file);
        long bundleId;
        try {
            if (old == null) {
                bundleId = host.install(location, staged.file());
            } else {
                host.update(old.bundleId(), staged.file());
                bundleId = old.bundleId();
            }
        } catch (BundleHost.HostException e) {
            staging.discard(staged.file());
            refuse(file, new Refusal(Reason.INSTALL_FAILED, e.getMessage(), verified.headers()));
            return;
        }
        Deployed now = new Deployed(file, location, bundleId, staged, verified);
        deployed.put(file, now);
        if (old != null) {
            staging.discard(old.staged().file());
        }
        deployments.forget(file);
        try {
            audit.deployed(old == null ? "plugin-installed" : "plugin-updated", now, latencyMillis);
        } catch (IOException e) {
            // nothing runs unrecorded: take it out again
            uninstall(now, Reason.AUDIT_FAILED.id(), "the audit record could not be written: " + e.getMessage());
            deployments.refuse(file, new Refusal(Reason.AUDIT_FAILED, "installed, but the audit record could not be "
                    + "written, so it was uninstalled again: " + e.getMessage(), verified.headers()));
        }
    }

    private void refuse(Path file, Refusal refusal) {
        deployments.refuse(file, refusal);
        audit.refused(file, refusal);
    }

    private void uninstall(Deployed d, String cause, String detail) {
        deployed.remove(d.source());
        staging.discard(d.staged().file());
        String problem = "";
        try {
            host.uninstall(d.bundleId());
        } catch (BundleHost.HostException e) {
            problem = e.getMessage();
        }
        audit.uninstalled(d, cause, detail, problem);
    }

    private void loadConfig() {
        try {
            config = ConfigLoader.load(settings.configDir());
            configError = Optional.empty();
        } catch (InvalidConfigException e) {
            config = TrustConfig.EMPTY;
            configError = Optional.of(e);
        }
    }

    /**
     * Re-verifies what runs against the new configuration, from the staged copies that were installed,
     * and uninstalls what no longer passes.
     */
    private void recheckDeployed() {
        for (Deployed d : List.copyOf(deployed.values())) {
            try {
                if (configError.isPresent()) {
                    throw new Refusal(Reason.INVALID_CONFIGURATION, configError.get().getMessage());
                }
                Verifier.Verified verified = verifier.verify(d.staged(), d.verified().dev(), config);
                deployed.put(d.source(), new Deployed(d.source(), d.location(), d.bundleId(), d.staged(), verified));
            } catch (Refusal refusal) {
                // the file is verified again right after, which lists and audits the refusal
                uninstall(d, refusal.reason().id(), refusal.detail());
            }
        }
    }

    private boolean isDev(Path file) {
        return settings.devDir().isPresent() && file.getParent().equals(settings.devDir().get());
    }

    private String location(Path file) {
        return (isDev(file) ? DEV_LOCATION_PREFIX : LOCATION_PREFIX + "deploy/") + file.getFileName();
    }
}
