package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.util.List;

/**
 * One checked response field made ready for decoding, once per table rather than once per answer: its
 * names keyed by value bits, whether it is a plain number, its element fields likewise. Immutable.
 */
final class FieldPlan {
    final ResponseField field;
    /** A number shown as it is: no names, no scale, no bias. */
    final boolean plainNumber;
    final LongNames special;
    final LongNames enumNames;
    /** The fields of one array element, in table order; empty for other fields. */
    final List<FieldPlan> elements;
    /** Whether an array among {@link #elements} may take its count from an earlier element field. */
    final boolean elementsHaveArray;

    private FieldPlan(ResponseField field) {
        this.field = field;
        this.special = LongNames.of(field.special(), field.valueBits());
        this.enumNames = LongNames.of(field.enumNames(), field.valueBits());
        this.plainNumber = special.isEmpty() && !field.bool() && enumNames.isEmpty() && field.flagNames().isEmpty()
                && field.bias().signum() == 0 && field.scale().equals(BigInteger.ONE);
        this.elements = of(field.fields());
        this.elementsHaveArray = hasArray(elements);
    }

    /**
     * @param fields checked fields
     * @return their plans, in the same order
     */
    static List<FieldPlan> of(List<ResponseField> fields) {
        return fields.stream().map(FieldPlan::new).toList();
    }

    static boolean hasArray(List<FieldPlan> plans) {
        return plans.stream().anyMatch(p -> p.field.type() == FieldType.ARRAY);
    }
}
