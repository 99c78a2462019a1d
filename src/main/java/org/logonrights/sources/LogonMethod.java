package org.logonrights.sources;

import java.util.Optional;
import org.logonrights.model.UserRight;

/**
 * {@code logonMethod} of virtual directories and anonymous authentication (schema values 0 to 3):
 * the LogonUser logon type IIS uses for a configured account, hence the right that account needs.
 */
enum LogonMethod {
    INTERACTIVE("Interactive", UserRight.INTERACTIVE),
    BATCH("Batch", UserRight.BATCH),
    NETWORK("Network", UserRight.NETWORK),
    /** LOGON32_LOGON_NETWORK_CLEARTEXT: a network logon, so it needs the network right. */
    CLEAR_TEXT("ClearText", UserRight.NETWORK);

    /** The IIS schema default for both sections. */
    static final LogonMethod SCHEMA_DEFAULT = CLEAR_TEXT;
    static final String EXPECTED = "Interactive, Batch, Network, ClearText or 0-3";

    private final String iisName;
    private final UserRight requiredRight;

    LogonMethod(String iisName, UserRight requiredRight) {
        this.iisName = iisName;
        this.requiredRight = requiredRight;
    }

    UserRight requiredRight() {
        return requiredRight;
    }

    static Optional<LogonMethod> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        for (LogonMethod m : values()) {
            if (m.iisName.equalsIgnoreCase(v) || String.valueOf(m.ordinal()).equals(v)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return iisName;
    }
}
