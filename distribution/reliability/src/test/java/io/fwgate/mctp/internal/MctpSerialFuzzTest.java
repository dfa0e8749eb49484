package io.fwgate.mctp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fwgate.reliability.FuzzStats;

/**
 * The MCTP serial binding's receive path on an arbitrary byte stream, split into reads at arbitrary
 * points, as a noisy or hostile line delivers it: the deframer yields packets no larger than a
 * transmission unit plus header, the packet decoder a packet or nothing, the reassembler a message no
 * larger than its bound or nothing. No exception, whatever the bytes.
 */
class MctpSerialFuzzTest {
    private static final FuzzStats STATS = new FuzzStats("mctp-serial");
    /** A small bound, so the fuzzer can reach it. */
    private static final int MAX_MESSAGE = 256;

    @FuzzTest(maxDuration = "10s")
    void receive(FuzzedDataProvider data) {
        STATS.tried();
        SerialDeframer deframer = new SerialDeframer();
        Reassembler reassembler = new Reassembler(MAX_MESSAGE);
        while (data.remainingBytes() > 0) {
            byte[] read = data.consumeBytes(data.consumeInt(1, 96));
            int count = data.consumeInt(0, read.length);
            for (byte[] packet : deframer.feed(read, count)) {
                assertThat(packet.length).isBetween(MctpPacket.HEADER_SIZE, SerialFrames.MAX_PACKET);
                Optional<Reassembler.Message> message = MctpPacket.decode(packet).flatMap(reassembler::accept);
                message.ifPresent(m -> assertThat(m.body().length).isLessThanOrEqualTo(MAX_MESSAGE));
            }
        }
        assertThat(deframer.dropped()).isNotNegative();
        assertThat(reassembler.dropped()).isNotNegative();
    }

    @AfterAll
    static void report() {
        STATS.write();
    }
}
