package io.fwgate.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds out whether a daemon answers on its socket, by connecting: the connection is then the client's.
 * No socket file, or one nobody listens on (a daemon that died), means no daemon, silently; a socket
 * this user may not connect to is said on the error stream, since the command then runs in-process with
 * the user's own permissions.
 */
final class DaemonProbe {
    private DaemonProbe() {
    }

    /**
     * @param socket the daemon's socket
     * @param err where a socket that exists but refuses this user is reported
     * @return the connected channel, or empty if no daemon can be reached
     */
    static Optional<SocketChannel> connect(Path socket, PrintStream err) {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(socket)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
        } catch (ConnectException e) {
            return Optional.empty(); // ECONNREFUSED: a stale socket file
        } catch (IOException e) {
            err.println("fwgate: note: cannot connect to the daemon at " + socket + " (" + e.getMessage()
                    + "); running in this process with your own permissions");
            return Optional.empty();
        }
    }
}
