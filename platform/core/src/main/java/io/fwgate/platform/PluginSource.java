package io.fwgate.platform;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something that decides which plugin bundles get installed (the deployer) and can report the ones it
 * refused before installing them. Registered as a service; {@link Gateway#plugins()} lists its views
 * beside the installed plugins'.
 */
@ConsumerType
public interface PluginSource {
    /** @return the plugins this source holds back or knows about, e.g. {@code REFUSED} files; never null */
    List<PluginView> plugins();
}
