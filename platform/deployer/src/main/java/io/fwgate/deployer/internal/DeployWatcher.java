package io.fwgate.deployer.internal;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The deployer's one thread: scans when a watched directory reports a change (inotify on Linux), after
 * the settle interval while a file is still changing, and at least every {@link #IDLE_MILLIS} in case a
 * file system reports nothing. Watching only triggers scans; the scan itself decides, so a missed or
 * overflowing event costs latency, never correctness.
 *
 * <p>Felix FileInstall was considered: its {@code ArtifactInstaller} hook would hand us the live file in
 * the deploy directory, after FileInstall's own polling (default 2 s) and checksum bookkeeping, and
 * revocations must act on already installed bundles outside its model anyway. A watcher of our own adds
 * no bundle to the runtime, reads each file once into a private staged copy, and reaches the latency
 * target (drop to callable under 300 ms) with a 100 ms settle interval.
 */
final class DeployWatcher implements Runnable {
    /** The longest pause between scans when nothing is reported. */
    static final long IDLE_MILLIS = 250;

    private final Deployer deployer;
    private final List<Path> directories;
    private final long settleMillis;
    private final WatchService watch;
    private final Set<Path> registered = new HashSet<>();

    /**
     * @param deployer what scans
     * @param directories the directories to watch; those missing now are watched once they exist
     * @param settleMillis how soon to scan again while a file changes
     * @param watch the watch service, closed to stop the loop
     */
    DeployWatcher(Deployer deployer, List<Path> directories, long settleMillis, WatchService watch) {
        this.deployer = deployer;
        this.directories = List.copyOf(directories);
        this.settleMillis = settleMillis;
        this.watch = watch;
    }

    /**
     * The first scans, on the activating thread: bundles already in the directories are installed (once
     * their files are stable) before the platform serves its first command, so a one-shot CLI run sees
     * them. Bounded: a file still changing after {@code maxMillis} is left to the watch loop.
     *
     * @param maxMillis the longest this may take
     * @throws InterruptedException if interrupted while waiting for files to settle
     */
    void settleExisting(long maxMillis) throws InterruptedException {
        deployer.start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        deployer.scan();
        while (deployer.settling() && System.nanoTime() < deadline) {
            watch.poll(settleMillis, TimeUnit.MILLISECONDS); // a bounded pause; events are re-read by run()
            deployer.scan();
        }
    }

    @Override
    public void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                register();
                try {
                    deployer.scan();
                } catch (RuntimeException e) {
                    // a defect must not end the thread that enforces revocations: record it, scan again
                    deployer.defect(e);
                }
                long wait = deployer.settling() ? settleMillis : IDLE_MILLIS;
                WatchKey key = watch.poll(wait, TimeUnit.MILLISECONDS);
                while (key != null) {
                    key.pollEvents();
                    if (!key.reset()) {
                        registered.remove((Path) key.watchable());
                    }
                    key = watch.poll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed by the component's deactivation: the loop ends here, by design
        }
    }

    private void register() {
        for (Path dir : directories) {
            if (!registered.contains(dir) && Files.isDirectory(dir)) {
                try {
                    dir.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
                    registered.add(dir);
                } catch (IOException e) {
                    // not watchable now: the idle scan still sees it, and registration is retried
                }
            }
        }
    }
}
