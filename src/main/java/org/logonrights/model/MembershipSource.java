package org.logonrights.model;

/** How an account's group membership was obtained; the fallback is known to be incomplete. */
public enum MembershipSource {
    /** A {@code --memberships} file. */
    FILE,
    /** AuthzInitializeContextFromSid with an S4U logon: the closest model of the real token. */
    AUTHZ_S4U,
    /** NetUserGetLocalGroups + NetUserGetGroups: misses universal groups and nested global groups. */
    NETAPI_FALLBACK,
    /**
     * A remote audit: a domain account's transitive {@code tokenGroups} from a domain controller over
     * LDAP (a local account's groups from the target's SAM), then the target's own aliases for them
     * over SAMR (SamrGetAliasMembership), as a logon builds its token.
     */
    REMOTE_TOKEN_GROUPS
}
