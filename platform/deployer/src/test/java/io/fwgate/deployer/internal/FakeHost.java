package io.fwgate.deployer.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A framework stand-in that remembers what is installed (location and bytes) and every operation. */
final class FakeHost implements BundleHost {
    record Installed(String location, byte[] content) {
    }

    final Map<Long, Installed> bundles = new LinkedHashMap<>();
    final List<String> operations = new ArrayList<>();
    boolean refuseInstall;
    private long nextId = 100;

    @Override
    public long install(String location, Path staged) throws HostException {
        operations.add("install " + location);
        if (refuseInstall) {
            throw new HostException("the framework did not install it: duplicate bundle", null);
        }
        long id = nextId++;
        bundles.put(id, new Installed(location, read(staged)));
        return id;
    }

    @Override
    public void update(long bundleId, Path staged) {
        operations.add("update " + bundleId);
        bundles.put(bundleId, new Installed(bundles.get(bundleId).location(), read(staged)));
    }

    @Override
    public void uninstall(long bundleId) {
        operations.add("uninstall " + bundleId);
        bundles.remove(bundleId);
    }

    @Override
    public Map<String, Long> installed(String locationPrefix) {
        Map<String, Long> installed = new LinkedHashMap<>();
        bundles.forEach((id, bundle) -> {
            if (bundle.location().startsWith(locationPrefix)) {
                installed.put(bundle.location(), id);
            }
        });
        return installed;
    }

    /** @return true if exactly these bytes run at the location */
    boolean runs(String location, Path jar) throws IOException {
        byte[] expected = Files.readAllBytes(jar);
        return bundles.values().stream().anyMatch(b -> b.location().equals(location) && Arrays.equals(b.content(), expected));
    }

    private static byte[] read(Path staged) {
        try {
            return Files.readAllBytes(staged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
