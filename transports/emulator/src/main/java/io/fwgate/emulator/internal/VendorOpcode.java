package io.fwgate.emulator.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import io.fwgate.api.Effect;

/**
 * One vendor command an emulation profile declares, as data. Immutable.
 *
 * @param opcode CXL C000h to FFFFh, or NVMe admin C0h to FFh
 * @param name the command's kebab-case name, for messages
 * @param effects what its CEL or Commands Supported and Effects entry reports
 * @param inputLength the input (CXL payload, NVMe host-to-controller data) length it accepts; empty
 *        for any length
 * @param response what it answers on success
 * @param actions what it does to the device's state variables, in order
 */
record VendorOpcode(int opcode, String name, Set<Effect> effects, OptionalInt inputLength, Response response,
        List<Action> actions) {

    VendorOpcode {
        effects = Set.copyOf(effects);
        actions = List.copyOf(actions);
    }

    /**
     * Where an input value comes from: bits {@code shift .. shift + width - 1} of a little-endian integer
     * of {@code size} bytes at {@code offset} of the input, or of a 32-bit NVMe command parameter.
     *
     * @param param the NVMe parameter ({@code nsid}, {@code cdw10}..{@code cdw15}), or empty for the input
     * @param offset the integer's offset in the input (0 for a parameter)
     * @param size the integer's size in bytes (4 for a parameter)
     * @param shift the lowest bit
     * @param width how many bits
     */
    record Source(Optional<String> param, int offset, int size, int shift, int width) {
        /** @return the value read from {@code input} or {@code params} (absent parameters read 0) */
        long read(byte[] input, Map<String, Long> params) {
            long word = 0;
            if (param.isPresent()) {
                word = params.getOrDefault(param.get(), 0L);
            } else {
                for (int i = size - 1; i >= 0; i--) {
                    word = word << 8 | (input[offset + i] & 0xff);
                }
            }
            return width == 64 ? word >>> shift : word >>> shift & ((1L << width) - 1);
        }
    }

    /**
     * A response field that reads a state variable, written little-endian.
     *
     * @param offset where it starts
     * @param size 1, 2, 4 or 8 bytes
     * @param variable the state variable it reads
     */
    record Field(int offset, int size, String variable) {
    }

    /**
     * The answer on success: {@code size} bytes, starting as {@code bytes} (zero-filled after them), with
     * {@code fields} written over them; and for NVMe, completion dword 0 from a state variable.
     *
     * @param size the output size in bytes (NVMe: the controller-to-host data)
     * @param bytes the static bytes the output starts with
     * @param fields fields that read state variables, after the command's actions ran
     * @param result NVMe only: the state variable completion dword 0 reads; empty for 0
     */
    record Response(int size, byte[] bytes, List<Field> fields, Optional<String> result) {
        static final Response NONE = new Response(0, new byte[0], List.of(), Optional.empty());

        Response {
            bytes = bytes.clone();
            fields = List.copyOf(fields);
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /**
     * A state change: set {@code variable} to a value read from the input (refused above {@code max}), or
     * reset it to 0 when there is no source.
     *
     * @param variable the state variable
     * @param from where the new value comes from; empty to reset to 0
     * @param max the largest value accepted
     */
    record Action(String variable, Optional<Source> from, long max) {
    }
}
