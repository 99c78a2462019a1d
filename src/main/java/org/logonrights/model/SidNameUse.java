package org.logonrights.model;

import java.util.Optional;

/** What kind of account a SID names: the Win32 {@code SID_NAME_USE} enumeration (lsalookup.h). */
public enum SidNameUse {
    USER(1),
    GROUP(2),
    DOMAIN(3),
    ALIAS(4),
    WELL_KNOWN_GROUP(5),
    DELETED_ACCOUNT(6),
    INVALID(7),
    UNKNOWN(8),
    COMPUTER(9),
    LABEL(10),
    LOGON_SESSION(11);

    private final int code;

    SidNameUse(int code) {
        this.code = code;
    }

    /** The numeric {@code SidType…} value LSA returns. */
    public int code() {
        return code;
    }

    /** The constant for a numeric value, or empty for a value this enum does not know. */
    public static Optional<SidNameUse> fromCode(int code) {
        for (SidNameUse u : values()) {
            if (u.code == code) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
