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
    /** An AppContainer (UWP / packaged app) package SID, S-1-15-2-… beyond the two well-known groups. */
    APP_CONTAINER,
    /** A capability SID an AppContainer token can carry, S-1-15-3-…. */
    CAPABILITY,
    /** None of the above. */
    OTHER;

    private static final long APPLICATION_PACKAGE_AUTHORITY = 15;

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
        if (sid.isBuiltinAlias()) {
            return BUILTIN_ALIAS;
        }
        return appPackageKind(sid);
    }

    /** S-1-15-2-… (package) and S-1-15-3-… (capability), the APPLICATION PACKAGE AUTHORITY's SIDs. */
    private static SidKind appPackageKind(Sid sid) {
        if (sid.authority() != APPLICATION_PACKAGE_AUTHORITY || sid.subAuthorities().size() < 2) {
            return OTHER;
        }
        long type = sid.subAuthorities().get(0);
        return type == 2 ? APP_CONTAINER : type == 3 ? CAPABILITY : OTHER;
    }
}
