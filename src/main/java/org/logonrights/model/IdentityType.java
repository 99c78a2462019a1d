package org.logonrights.model;

import java.util.Optional;

/** {@code processModel/@identityType}, with the exact names IIS writes (schema values 0 to 4). */
public enum IdentityType {
    LOCAL_SYSTEM("LocalSystem", WellKnownSids.LOCAL_SYSTEM),
    LOCAL_SERVICE("LocalService", WellKnownSids.LOCAL_SERVICE),
    NETWORK_SERVICE("NetworkService", WellKnownSids.NETWORK_SERVICE),
    SPECIFIC_USER("SpecificUser", null),
    APPLICATION_POOL_IDENTITY("ApplicationPoolIdentity", null);

    private final String iisName;
    private final Sid builtInSid;

    IdentityType(String iisName, Sid builtInSid) {
        this.iisName = iisName;
        this.builtInSid = builtInSid;
    }

    public String iisName() {
        return iisName;
    }

    /** The SID of a built-in service account, or empty for SpecificUser and ApplicationPoolIdentity. */
    public Optional<Sid> builtInSid() {
        return Optional.ofNullable(builtInSid);
    }

    public boolean isBuiltInServiceAccount() {
        return builtInSid != null;
    }

    /** Accepts the name (any case) or the numeric schema value, as IIS does. */
    public static Optional<IdentityType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        for (IdentityType t : values()) {
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
