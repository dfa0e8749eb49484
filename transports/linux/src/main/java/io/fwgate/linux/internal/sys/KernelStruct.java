package io.fwgate.linux.internal.sys;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * A C structure of a kernel UAPI header, laid out by JNA with the platform's natural alignment, as the C
 * compiler lays it out. Subclasses name their fields after the C members in camel case; the layout test
 * compiles the real headers and compares every size and offset. Not thread-safe.
 */
public abstract class KernelStruct extends Structure {
    /** A structure in fresh, zeroed native memory. */
    protected KernelStruct() {
    }

    /**
     * A structure over existing native memory: {@link #read()} to see what is there.
     *
     * @param memory where the structure lives
     */
    protected KernelStruct(Pointer memory) {
        super(memory);
    }

    /**
     * @param field a Java field name of this structure
     * @return its byte offset, as C's {@code offsetof}
     * @throws IllegalArgumentException if there is no such field
     */
    public final int offsetOf(String field) {
        return fieldOffset(field);
    }
}
