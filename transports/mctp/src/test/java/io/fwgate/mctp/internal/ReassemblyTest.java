package io.fwgate.mctp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ReassemblyTest {
    private final Reassembler reassembler = new Reassembler(1 << 20);

    private static byte[] message(int size) {
        byte[] message = new byte[size];
        for (int i = 0; i < size; i++) {
            message[i] = (byte) i;
        }
        return message;
    }

    private List<Reassembler.Message> feed(List<MctpPacket> packets) {
        List<Reassembler.Message> messages = new ArrayList<>();
        packets.forEach(packet -> reassembler.accept(packet).ifPresent(messages::add));
        return messages;
    }

    @Test
    void aMessageIsSplitIntoBaselineUnitsWithSomEomAndSequence() {
        List<MctpPacket> packets = Packetizer.packetize(8, 9, true, 5, message(150));

        assertThat(packets).extracting(p -> p.payload().length).containsExactly(64, 64, 22);
        assertThat(packets).extracting(MctpPacket::som).containsExactly(true, false, false);
        assertThat(packets).extracting(MctpPacket::eom).containsExactly(false, false, true);
        assertThat(packets).extracting(MctpPacket::sequence).containsExactly(0, 1, 2);
        // header byte 3: SOM bit 7, EOM bit 6, sequence bits 5:4, tag owner bit 3, tag bits 2:0
        assertThat(packets.get(0).encode()).startsWith(0x01, 0x08, 0x09, 0x8d);
        assertThat(packets.get(2).encode()).startsWith(0x01, 0x08, 0x09, 0x6d);
    }

    @Test
    void packetsInOrderReassembleTheMessage() {
        List<Reassembler.Message> messages = feed(Packetizer.packetize(8, 9, false, 3, message(300)));

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).body()).containsExactly(message(300));
        assertThat(messages.get(0).source()).isEqualTo(9);
        assertThat(messages.get(0).tag()).isEqualTo(3);
        assertThat(reassembler.dropped()).isZero();
    }

    @Test
    void theSequenceWrapsModuloFour() {
        assertThat(Packetizer.packetize(8, 9, false, 0, message(300))).extracting(MctpPacket::sequence)
                .containsExactly(0, 1, 2, 3, 0);
    }

    @Test
    void packetsOutOfOrderDropTheMessage() {
        List<MctpPacket> packets = new ArrayList<>(Packetizer.packetize(8, 9, false, 3, message(150)));
        packets.add(1, packets.remove(2));

        assertThat(feed(packets)).isEmpty();
        assertThat(reassembler.dropped()).isEqualTo(2);
    }

    @Test
    void aMissingPacketDropsTheMessageAndTheNextOneStillArrives() {
        List<MctpPacket> packets = new ArrayList<>(Packetizer.packetize(8, 9, false, 3, message(150)));
        packets.remove(1);
        packets.addAll(Packetizer.packetize(8, 9, false, 3, message(10)));

        List<Reassembler.Message> messages = feed(packets);

        assertThat(messages).extracting(m -> m.body().length).containsExactly(10);
        assertThat(reassembler.dropped()).isEqualTo(1);
    }

    @Test
    void messagesWithDifferentTagsInterleave() {
        List<MctpPacket> a = Packetizer.packetize(8, 9, false, 1, message(100));
        List<MctpPacket> b = Packetizer.packetize(8, 9, false, 2, message(70));

        List<Reassembler.Message> messages = feed(List.of(a.get(0), b.get(0), a.get(1), b.get(1)));

        assertThat(messages).extracting(Reassembler.Message::tag).containsExactly(1, 2);
    }

    @Test
    void aShortMiddlePacketAndAStrayPacketAreDropped() {
        MctpPacket shortFirst = new MctpPacket(8, 9, true, false, 0, false, 0, new byte[10]);
        MctpPacket stray = new MctpPacket(8, 9, false, true, 2, false, 4, new byte[10]);

        assertThat(feed(List.of(shortFirst, stray))).isEmpty();
        assertThat(reassembler.dropped()).isEqualTo(2);
    }

    @Test
    void aMessageAboveTheLimitIsDropped() {
        Reassembler small = new Reassembler(100);

        Optional<Reassembler.Message> last = Optional.empty();
        for (MctpPacket packet : Packetizer.packetize(8, 9, false, 0, message(150))) {
            last = small.accept(packet);
        }

        assertThat(last).isEmpty();
        assertThat(small.dropped()).isEqualTo(2);
    }

    @Test
    void packetHeadersDecodeAsEncoded() {
        byte[] wire = {0x01, 0x0a, 0x0b, (byte) 0xd9, 0x42};

        MctpPacket packet = MctpPacket.decode(wire).orElseThrow();

        assertThat(packet.destination()).isEqualTo(10);
        assertThat(packet.source()).isEqualTo(11);
        assertThat(packet.som()).isTrue();
        assertThat(packet.eom()).isTrue();
        assertThat(packet.sequence()).isEqualTo(1);
        assertThat(packet.tagOwner()).isTrue();
        assertThat(packet.tag()).isEqualTo(1);
        assertThat(packet.encode()).containsExactly(wire);
        assertThat(MctpPacket.decode(new byte[] {0x02, 0, 0, 0})).isEmpty();
    }
}
