package org.logonrights.model;

import java.util.List;
import java.util.Objects;

/**
 * The complete transitive group membership of one account as its logon sees it (domain groups and
 * local aliases, without well-known or logon-type SIDs).
 *
 * @param complete false when the method is known to miss groups (the NetAPI fallback)
 */
public record AccountMembership(String account, Sid sid, List<Principal> groups, MembershipSource source,
                                boolean complete, Provenance provenance) {
    public AccountMembership {
        if (account == null && sid == null) {
            throw new IllegalArgumentException("a membership entry needs an account name or a SID");
        }
        groups = List.copyOf(groups);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(provenance, "provenance");
    }
}
