package org.logonrights.model;

/** How an account's group membership was obtained; the fallback is known to be incomplete. */
public enum MembershipSource {
    /** A {@code --memberships} file. */
    FILE,
    /** AuthzInitializeContextFromSid with an S4U logon: the closest model of the real token. */
    AUTHZ_S4U,
    /** NetUserGetLocalGroups + NetUserGetGroups: misses universal groups and nested global groups. */
    NETAPI_FALLBACK
}
