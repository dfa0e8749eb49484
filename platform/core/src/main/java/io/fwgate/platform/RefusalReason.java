package io.fwgate.platform;

import java.util.Locale;

/** Why the platform refused a plugin's tables. */
public enum RefusalReason {
    /** A resource is not valid table JSON or misses required members. */
    MALFORMED_TABLE,
    /** A table resource named in the manifest does not exist. */
    MISSING_RESOURCE,
    /** Two commands share a name within the bundle's tables. */
    DUPLICATE_NAME,
    /** Two commands share an opcode, or an opcode another plugin already owns for the same devices. */
    DUPLICATE_OPCODE,
    /** A request or response layout is inconsistent. */
    BAD_LAYOUT,
    /** A declared level is lower than the declared effects need. */
    LEVEL_CONTRADICTS_EFFECTS,
    /** A command needs a level or reach above what this plugin's signer may declare. */
    LEVEL_ABOVE_CAP;

    /** @return the kebab-case name shown to users */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
