package io.fwgate.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The device's CEL against its behaviour: what it lists it handles, and what it says is read-only is. */
class CelContractTest {
    private final Spec.Rig rig = new Spec.Rig();

    private Set<Integer> celOpcodes() {
        byte[] cel = rig.call(0x0401, LogCommandsTest.getLog(Spec.CEL_UUID, 0, 4 * LogCommandsTest.EXPECTED_CEL.length))
                .payload();
        Set<Integer> opcodes = new TreeSet<>();
        for (int at = 0; at < cel.length; at += 4) {
            opcodes.add((cel[at] & 0xff) | (cel[at + 1] & 0xff) << 8);
        }
        return opcodes;
    }

    @Test
    void everyOpcodeOutsideTheCelIsUnsupportedAndEveryOpcodeInItIsHandled() {
        Set<Integer> listed = celOpcodes();
        assertThat(listed).hasSize(LogCommandsTest.EXPECTED_CEL.length);
        List<Integer> wrong = new ArrayList<>();
        for (int opcode = 0; opcode <= 0xffff; opcode++) {
            boolean unsupported = rig.call(opcode, Spec.NONE).code() == CxlReturnCode.UNSUPPORTED;
            if (unsupported == listed.contains(opcode)) {
                wrong.add(opcode);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** A valid input for each command the CEL reports without any change effect. */
    private static Map<Integer, byte[]> readOnlyCalls() {
        Map<Integer, byte[]> calls = new LinkedHashMap<>();
        calls.put(0x0001, Spec.NONE);
        calls.put(0x0002, Spec.NONE);
        calls.put(0x0100, new byte[] {0});
        calls.put(0x0200, Spec.NONE);
        calls.put(0x0300, Spec.NONE);
        calls.put(0x0400, Spec.NONE);
        calls.put(0x0401, LogCommandsTest.getLog(Spec.CEL_UUID, 0, 8));
        calls.put(0x0500, Spec.fields(8, 0, 56, 4));
        calls.put(0x0501, FeatureCommandsTest.getFeature(Spec.PATROL_SCRUB_UUID, 0, 4, 0));
        calls.put(0x4000, Spec.NONE);
        calls.put(0x4102, Spec.fields(8, 0, 0, 4, 4, 64, 4));
        calls.put(0x4200, Spec.NONE);
        return calls;
    }

    private List<byte[]> observableState() {
        List<byte[]> state = new ArrayList<>();
        for (Map.Entry<Integer, byte[]> call : readOnlyCalls().entrySet()) {
            Answer answer = rig.call(call.getKey(), call.getValue());
            assertThat(answer.code()).as("opcode %04x", call.getKey()).isEqualTo(CxlReturnCode.SUCCESS);
            state.add(answer.payload());
        }
        for (int log = 1; log < 4; log++) {
            state.add(rig.call(0x0100, new byte[] {(byte) log}).payload());
        }
        return state;
    }

    @Test
    void commandsWithoutChangeEffectsChangeNothingObservable() {
        Set<Integer> readOnly = new TreeSet<>();
        for (int[] entry : LogCommandsTest.EXPECTED_CEL) {
            if (entry[1] == 0x0200) {
                readOnly.add(entry[0]);
            }
        }
        assertThat(readOnlyCalls().keySet()).containsExactlyInAnyOrderElementsOf(readOnly);
        rig.call(0x0301, Spec.fields(8, 0, 1_000, 8));

        List<byte[]> before = observableState();
        observableState();
        List<byte[]> after = observableState();

        assertThat(after).containsExactlyElementsOf(before);
    }
}
