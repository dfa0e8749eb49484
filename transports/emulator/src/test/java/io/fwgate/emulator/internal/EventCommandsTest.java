package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Spec.assertFails;
import static io.fwgate.emulator.internal.Spec.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class EventCommandsTest {
    private static final int GET = 0x0100;
    private static final int CLEAR = 0x0101;
    private static final int HEADER = 0x20;
    private static final int RECORD = 128;

    private final Spec.Rig rig = new Spec.Rig();

    /** A Memory Module event record: the common event record header, then the memory module data. */
    private static byte[] memoryModuleRecord(int handle, int severity, int eventType, byte[] health) {
        byte[] record = new byte[RECORD];
        Spec.put(record, 0x00, Spec.uuid(Spec.MEMORY_MODULE_UUID));
        record[0x10] = (byte) RECORD; // record length
        record[0x11] = (byte) severity; // flags bits 1:0
        Spec.le(record, 0x14, handle, 2);
        record[0x30] = (byte) eventType; // device event type
        Spec.put(record, 0x31, health); // device health information
        return record;
    }

    private static byte[] clearInput(int log, int flags, int... handles) {
        byte[] in = new byte[6 + 2 * handles.length];
        in[0] = (byte) log;
        in[1] = (byte) flags;
        in[2] = (byte) handles.length;
        for (int i = 0; i < handles.length; i++) {
            Spec.le(in, 6 + 2 * i, handles[i], 2);
        }
        return in;
    }

    @Test
    void informationalLogHoldsTwoRecordsOldestFirst() {
        byte[] expected = new byte[HEADER + 2 * RECORD];
        Spec.le(expected, 0x14, 2, 2); // record count; no flags, no overflow
        Spec.put(expected, HEADER, memoryModuleRecord(1, 0, 0x02, Spec.health(0, 3, 38)));
        Spec.put(expected, HEADER + RECORD, memoryModuleRecord(2, 0, 0x03, Spec.health(0, 3, 38)));
        assertOk(rig.call(GET, new byte[] {0}), expected);
    }

    @Test
    void warningLogHoldsATemperatureWarning() {
        byte[] expected = new byte[HEADER + RECORD];
        Spec.le(expected, 0x14, 1, 2);
        // severity 01b warning; additional status bits 3:2 = 01b temperature warning, 72 degrees C
        Spec.put(expected, HEADER, memoryModuleRecord(3, 1, 0x03, Spec.health(0x04, 3, 72)));
        assertOk(rig.call(GET, new byte[] {1}), expected);
    }

    @Test
    void emptyLogsAnswerAHeaderOnly() {
        assertOk(rig.call(GET, new byte[] {2}), new byte[HEADER]);
        assertOk(rig.call(GET, new byte[] {3}), new byte[HEADER]);
    }

    @Test
    void recordsThatDoNotFitTheResponseAreLeftWithMoreRecordsSet() {
        Answer answer = rig.device.handle(GET, new byte[] {0}, HEADER + RECORD + RECORD - 1);

        assertThat(answer.code()).isEqualTo(CxlReturnCode.SUCCESS);
        assertThat(answer.payload()).hasSize(HEADER + RECORD);
        assertThat(answer.payload()[0]).isEqualTo((byte) 0x02); // More Event Records
        assertThat(answer.payload()[0x14]).isEqualTo((byte) 1);
        assertThat(answer.payload()[HEADER + 0x14]).isEqualTo((byte) 1); // the oldest record, handle 1
    }

    @Test
    void aResponseLimitBelowTheHeaderIsAnInvalidPayloadLength() {
        assertFails(rig.device.handle(GET, new byte[] {0}, HEADER - 1), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }

    @Test
    void getRejectsUnknownLogsAndWrongInputLengths() {
        assertFails(rig.call(GET, new byte[] {4}), CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(GET, new byte[] {(byte) 0xff}), CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(GET, Spec.NONE), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        assertFails(rig.call(GET, new byte[2]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }

    @Test
    void clearingTheOldestRecordRemovesOnlyIt() {
        assertOk(rig.call(CLEAR, clearInput(0, 0, 1)), Spec.NONE);

        Answer left = rig.call(GET, new byte[] {0});
        assertThat(left.payload()).hasSize(HEADER + RECORD);
        assertThat(left.payload()[HEADER + 0x14]).isEqualTo((byte) 2);
    }

    @Test
    void clearingBothRecordsEmptiesTheLog() {
        assertOk(rig.call(CLEAR, clearInput(0, 0, 1, 2)), Spec.NONE);

        assertOk(rig.call(GET, new byte[] {0}), new byte[HEADER]);
    }

    @Test
    void clearingANewerRecordBeforeAnOlderOneIsAnInvalidHandleAndClearsNothing() {
        assertFails(rig.call(CLEAR, clearInput(0, 0, 2)), CxlReturnCode.INVALID_HANDLE);

        assertThat(rig.call(GET, new byte[] {0}).payload()).hasSize(HEADER + 2 * RECORD);
    }

    @Test
    void clearingUnknownOrTooManyHandlesIsAnInvalidHandle() {
        assertFails(rig.call(CLEAR, clearInput(0, 0, 9)), CxlReturnCode.INVALID_HANDLE);
        assertFails(rig.call(CLEAR, clearInput(0, 0, 0)), CxlReturnCode.INVALID_HANDLE);
        assertFails(rig.call(CLEAR, clearInput(0, 0, 1, 2, 3)), CxlReturnCode.INVALID_HANDLE);
        assertFails(rig.call(CLEAR, clearInput(2, 0, 1)), CxlReturnCode.INVALID_HANDLE);
    }

    @Test
    void clearAllIsRefusedOnALogThatHasNotOverflowed() {
        assertFails(rig.call(CLEAR, clearInput(0, 0x01)), CxlReturnCode.INVALID_INPUT);

        assertThat(rig.call(GET, new byte[] {0}).payload()).hasSize(HEADER + 2 * RECORD);
    }

    @Test
    void clearRejectsReservedFlagsAndUnknownLogs() {
        assertFails(rig.call(CLEAR, clearInput(0, 0x02, 1)), CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(CLEAR, clearInput(4, 0, 1)), CxlReturnCode.INVALID_INPUT);
    }

    @Test
    void clearRejectsPayloadsWhoseLengthDisagreesWithTheHandleCount() {
        byte[] oneHandleMissing = clearInput(0, 0, 1, 2);
        byte[] shortened = Arrays.copyOf(oneHandleMissing, oneHandleMissing.length - 2);
        assertFails(rig.call(CLEAR, shortened), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        assertFails(rig.call(CLEAR, Arrays.copyOf(clearInput(0, 0, 1), 9)), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        assertFails(rig.call(CLEAR, new byte[5]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }
}
