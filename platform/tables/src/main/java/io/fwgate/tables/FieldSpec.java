package io.fwgate.tables;

import java.util.List;
import java.util.Optional;

/**
 * One named request field as a caller sees it (for help and {@code commands} output). Immutable.
 *
 * @param name kebab-case argument name
 * @param type the field type as written in the table (u8, u16, u32, u64, s8, s16, s32, s64, bytes,
 *        string, uuid)
 * @param description one line for humans, possibly empty
 * @param defaultValue the default when the caller gives none; empty when the argument is required
 * @param enumNames the symbolic values accepted, empty if any number in range is
 */
public record FieldSpec(String name, String type, String description, Optional<String> defaultValue,
        List<String> enumNames) {
    public FieldSpec {
        enumNames = List.copyOf(enumNames);
    }
}
