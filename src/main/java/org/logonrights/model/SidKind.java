package org.logonrights.model;

/** What kind of security principal a SID is, as far as its structure alone tells. */
public enum SidKind {
    /** A SID in the well-known table ({@link WellKnownSids}). */
    WELL_KNOWN,
    /** {@code IIS APPPOOL\<pool>}, S-1-5-82-…. */
    APP_POOL,
    /** {@code NT SERVICE\<service>}, S-1-5-80-…. */
    SERVICE,
    /** An account or group of a domain or of a machine's local SAM, S-1-5-21-…. */
    DOMAIN_OR_MACHINE,
    /** A BUILTIN alias (S-1-5-32-…) that is not in the well-known table. */
    BUILTIN_ALIAS,
    /** None of the above. */
    OTHER;

    /** The kind of {@code sid}: the well-known table first, then the SID's authority and sub-authorities. */
    public static SidKind of(Sid sid) {
        if (WellKnownSids.isWellKnown(sid)) {
            return WELL_KNOWN;
        }
        if (sid.isAppPoolSid()) {
            return APP_POOL;
        }
        if (sid.isServiceSid()) {
            return SERVICE;
        }
        if (sid.isDomainOrMachine()) {
            return DOMAIN_OR_MACHINE;
        }
        return sid.isBuiltinAlias() ? BUILTIN_ALIAS : OTHER;
    }
}
