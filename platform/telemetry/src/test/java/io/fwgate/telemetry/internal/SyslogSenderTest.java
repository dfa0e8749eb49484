package io.fwgate.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The two transports against receivers on loopback. */
class SyslogSenderTest {
    private static final byte[] MESSAGE = "<85>1 - host1 fwgate 1 call-result - é".getBytes(StandardCharsets.UTF_8);

    @Test
    void udpSendsOneMessagePerDatagram() throws Exception {
        try (DatagramChannel receiver = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                SyslogSender sender = SyslogSender.to(config(TelemetryConfig.Protocol.UDP, receiver.socket().getLocalPort()))) {
            sender.send(MESSAGE);
            sender.send(MESSAGE);

            for (int i = 0; i < 2; i++) {
                ByteBuffer datagram = ByteBuffer.allocate(4096);
                receiver.receive(datagram);
                assertThat(datagram.flip().remaining()).isEqualTo(MESSAGE.length);
            }
        }
    }

    @Test
    void tcpFramesEachMessageByItsLengthInOctets() throws Exception {
        try (ServerSocket receiver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                SyslogSender sender = SyslogSender.to(config(TelemetryConfig.Protocol.TCP, receiver.getLocalPort()))) {
            sender.send(MESSAGE);
            sender.send(MESSAGE);

            try (Socket connection = receiver.accept(); InputStream in = connection.getInputStream()) {
                String frame = MESSAGE.length + " " + new String(MESSAGE, StandardCharsets.UTF_8);
                byte[] expected = (frame + frame).getBytes(StandardCharsets.UTF_8);
                assertThat(in.readNBytes(expected.length)).isEqualTo(expected);
            }
        }
    }

    private static TelemetryConfig.Syslog config(TelemetryConfig.Protocol protocol, int port) {
        return new TelemetryConfig.Syslog(protocol, "127.0.0.1", port, 10, "fwgate", "fwgate@32473");
    }
}
