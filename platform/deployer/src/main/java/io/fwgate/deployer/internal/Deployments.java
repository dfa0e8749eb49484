package io.fwgate.deployer.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fwgate.platform.PluginView;

/**
 * The refused files, as plugin views for {@code fwgate plugins}: the deployer's scanning thread records
 * them and publishes an immutable snapshot at the end of each scan; any thread reads the last one.
 */
final class Deployments {
    /** The state {@code fwgate plugins} shows for a file the deployer holds back. */
    static final String REFUSED = "REFUSED";

    private final Map<Path, PluginView> refused = new HashMap<>();
    private volatile List<PluginView> views = List.of();

    /** Scanning thread: the file is refused for this reason (replacing an earlier refusal). */
    void refuse(Path file, Refusal refusal) {
        String name = file.getFileName().toString();
        BundleHeaders headers = refusal.headers().orElse(null);
        refused.put(file, new PluginView(headers == null ? name : headers.symbolicName(),
                headers == null ? "" : headers.version(), REFUSED, refusal.reason().id(), name + ": " + refusal.detail(),
                headers == null ? List.of() : headers.tables(), 0));
    }

    /** Scanning thread: the file is no longer refused (installed, unchanged, or gone). */
    void forget(Path file) {
        refused.remove(file);
    }

    /** Scanning thread: makes the current refusals visible. */
    void publish() {
        views = refused.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    /** @return the refused files, sorted by file; any thread */
    List<PluginView> refused() {
        return views;
    }
}
