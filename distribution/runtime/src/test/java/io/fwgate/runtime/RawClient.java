package io.fwgate.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A protocol client with nothing but the JDK, run as another user ({@code setpriv}) by the integration
 * tests: {@code RawClient SOCKET LINE...} sends each line and prints the answer line, or
 * {@code <closed>} if the daemon closed the connection.
 */
public final class RawClient {
    private RawClient() {
    }

    public static void main(String[] args) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(Path.of(args[0])))) {
            for (int i = 1; i < args.length; i++) {
                channel.write(ByteBuffer.wrap((args[i] + "\n").getBytes(StandardCharsets.UTF_8)));
                String answer = readLine(channel);
                System.out.println(answer == null ? "<closed>" : answer);
            }
        }
    }

    static String readLine(SocketChannel channel) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (true) {
            one.clear();
            if (channel.read(one) < 0) {
                return null;
            }
            if (one.get(0) == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(one.get(0));
        }
    }
}
