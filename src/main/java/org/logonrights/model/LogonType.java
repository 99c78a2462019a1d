package org.logonrights.model;

import java.util.Optional;

/** {@code processModel/@logonType} (IIS 7.5+): which LogonUser logon WAS performs for a SpecificUser. */
public enum LogonType {
    LOGON_BATCH("LogonBatch", UserRight.BATCH),
    LOGON_SERVICE("LogonService", UserRight.SERVICE);

    private final String iisName;
    private final UserRight requiredRight;

    LogonType(String iisName, UserRight requiredRight) {
        this.iisName = iisName;
        this.requiredRight = requiredRight;
    }

    public String iisName() {
        return iisName;
    }

    /** The allow right LSA checks for this logon type; its twin is the deny right. */
    public UserRight requiredRight() {
        return requiredRight;
    }

    /** Accepts the name (any case) or the numeric schema value. */
    public static Optional<LogonType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        for (LogonType t : values()) {
            if (t.iisName.equalsIgnoreCase(v) || String.valueOf(t.ordinal()).equals(v)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return iisName;
    }
}
