package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Spec.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class CxlMailboxTest {
    private final Spec.Rig rig = new Spec.Rig();

    @Test
    void unknownOpcodesAreUnsupported() {
        assertFails(rig.call(0x4300, new byte[16]), CxlReturnCode.UNSUPPORTED); // Get Poison List
        assertFails(rig.call(0x5300, new byte[16]), CxlReturnCode.UNSUPPORTED); // Tunnel Management
        assertFails(rig.call(0xc000, Spec.NONE), CxlReturnCode.UNSUPPORTED); // vendor specific
    }

    @Test
    void anInputAboveThePayloadSizeIsAnInvalidPayloadLength() {
        byte[] tooLarge = LsaCommandsTest.setLsa(0, new byte[(1 << 20) - 8 + 1]);
        assertFails(rig.call(0x4103, tooLarge), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }

    @Test
    void anOutputExactlyAtTheLimitIsAnswered() {
        assertThat(rig.device.handle(0x0001, Spec.NONE, 18).payload()).hasSize(18);
        assertFails(rig.device.handle(0x0001, Spec.NONE, 17), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }

    @Test
    void twoCommandsWithOneOpcodeAreRefused() {
        CommandSet twice = () -> List.of(Command.of(0x0001, "a", input -> Answer.ok()),
                Command.of(0x0001, "b", input -> Answer.ok()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CxlMailbox(new BackgroundOperation(() -> 0), List.of(twice)))
                .withMessageContaining("0001h");
    }

    @Test
    void concurrentWritersToDisjointLabelsAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                int base = writer * 1024;
                byte value = (byte) (writer + 1);
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 1024; i++) {
                        assertThat(rig.call(0x4103, LsaCommandsTest.setLsa(base + i, value)).code())
                                .isEqualTo(CxlReturnCode.SUCCESS);
                    }
                }));
            }
            for (Future<?> done : writers) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        byte[] labels = rig.call(0x4102, LsaCommandsTest.getLsa(0, 8 * 1024)).payload();
        for (int at = 0; at < labels.length; at++) {
            assertThat(labels[at]).isEqualTo((byte) (at / 1024 + 1));
        }
    }
}
