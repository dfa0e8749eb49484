package io.fwgate.daemon.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Optional;
import java.util.Set;

import io.fwgate.daemon.DaemonException;

/**
 * The socket file's life around the daemon: before binding, a file left by a daemon that died is removed,
 * but only when it is a socket nobody answers on; after binding, its group and mode are set before the
 * socket listens, so nobody can connect under the umask's looser mode.
 */
final class SocketFile {
    private SocketFile() {
    }

    /**
     * Makes {@code path} free for a new socket.
     *
     * @param path where the daemon will listen
     * @return true if a stale socket was removed
     * @throws DaemonException if a daemon answers there, or the path is something other than a socket
     */
    static boolean clear(Path path) throws DaemonException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false; // nothing there
        }
        if (!attributes.isOther()) {
            throw new DaemonException(path + " exists and is not a socket: remove it or choose another --socket");
        }
        if (answers(path)) {
            throw new DaemonException("another fwgate daemon answers on " + path);
        }
        try {
            Files.delete(path);
            return true;
        } catch (IOException e) {
            throw new DaemonException("cannot remove the stale socket " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean answers(Path path) throws DaemonException {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            return true;
        } catch (ConnectException e) {
            return false; // ECONNREFUSED: nobody listens, the daemon that made it is gone
        } catch (IOException e) {
            throw new DaemonException("cannot tell whether a daemon still answers on " + path + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * @param path the bound socket
     * @param group the group to give it, if it exists on this host
     * @param mode its permissions
     * @return the group set, or empty when no group of that name exists (the file keeps the daemon's group)
     * @throws DaemonException if owner or mode cannot be set
     */
    static Optional<String> protect(Path path, String group, Set<PosixFilePermission> mode) throws DaemonException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        Optional<String> set = Optional.empty();
        try {
            try {
                GroupPrincipal principal = path.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByGroupName(group);
                view.setGroup(principal);
                set = Optional.of(group);
            } catch (UserPrincipalNotFoundException e) {
                // documented: without the group, only the owner and the daemon's own group can connect
            }
            view.setPermissions(mode);
            return set;
        } catch (IOException e) {
            throw new DaemonException("cannot set the group or mode of " + path + ": " + e.getMessage(), e);
        }
    }
}
