package io.fwgate.telemetry.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Sends syslog messages to one receiver: over UDP one message per datagram (RFC 5426), over TCP each
 * message framed by its length in octets, a space, then the message (RFC 6587 octet counting), on one
 * connection opened when first needed and opened again after a failure. Not thread-safe: the forwarder's
 * one thread uses it.
 */
interface SyslogSender extends AutoCloseable {
    /**
     * @param message one RFC 5424 message
     * @throws IOException if it could not be handed to the network; the caller sends it again later
     */
    void send(byte[] message) throws IOException;

    @Override
    void close();

    /**
     * @param config the receiver
     * @return a sender to it; nothing is connected yet
     */
    static SyslogSender to(TelemetryConfig.Syslog config) {
        InetSocketAddress receiver = new InetSocketAddress(config.host(), config.port());
        return config.protocol() == TelemetryConfig.Protocol.UDP ? new Udp(receiver) : new Tcp(receiver);
    }

    /** RFC 5426. */
    final class Udp implements SyslogSender {
        private final InetSocketAddress receiver;
        private DatagramChannel channel;

        Udp(InetSocketAddress receiver) {
            this.receiver = receiver;
        }

        @Override
        public void send(byte[] message) throws IOException {
            if (receiver.isUnresolved()) {
                throw new IOException("cannot resolve the syslog host " + receiver.getHostString());
            }
            if (channel == null) {
                channel = DatagramChannel.open();
            }
            channel.send(ByteBuffer.wrap(message), receiver);
        }

        @Override
        public void close() {
            closeQuietly(channel);
            channel = null;
        }
    }

    /** RFC 6587, octet counting. */
    final class Tcp implements SyslogSender {
        private final InetSocketAddress receiver;
        private SocketChannel channel;

        Tcp(InetSocketAddress receiver) {
            this.receiver = receiver;
        }

        @Override
        public void send(byte[] message) throws IOException {
            if (receiver.isUnresolved()) {
                throw new IOException("cannot resolve the syslog host " + receiver.getHostString());
            }
            try {
                if (channel == null) {
                    channel = SocketChannel.open(receiver);
                }
                byte[] length = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
                ByteBuffer frame = ByteBuffer.allocate(length.length + message.length).put(length).put(message).flip();
                while (frame.hasRemaining()) {
                    channel.write(frame);
                }
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() {
            closeQuietly(channel);
            channel = null;
        }
    }

    private static void closeQuietly(AutoCloseable channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (Exception e) {
            // the connection is abandoned either way; the next send opens a new one
        }
    }
}
