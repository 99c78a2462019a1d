package org.logonrights.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The complete transitive group membership of one account as its logon sees it (domain groups and
 * local aliases, without well-known or logon-type SIDs).
 *
 * @param complete false when the method is known to miss groups (the NetAPI fallback)
 * @param routes how each group is reached, when the method knows it (a remote audit does); may be empty
 */
public record AccountMembership(String account, Sid sid, List<Principal> groups, MembershipSource source,
                                boolean complete, Provenance provenance, List<GroupRoute> routes) {
    public AccountMembership {
        if (account == null && sid == null) {
            throw new IllegalArgumentException("a membership entry needs an account name or a SID");
        }
        groups = List.copyOf(groups);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(provenance, "provenance");
        routes = List.copyOf(routes);
    }

    /** A membership without routes: the file, Authz and NetAPI methods list groups only. */
    public AccountMembership(String account, Sid sid, List<Principal> groups, MembershipSource source,
                             boolean complete, Provenance provenance) {
        this(account, sid, groups, source, complete, provenance, List.of());
    }

    /**
     * The links from the account to {@code group}, account side first (empty when no route is
     * known): e.g. g_web holds the account, then g_batch holds g_web.
     */
    public List<GroupRoute> routeTo(Sid group) {
        Map<Sid, GroupRoute> byGroup = new HashMap<>();
        for (GroupRoute r : routes) {
            byGroup.putIfAbsent(r.group(), r);
        }
        List<GroupRoute> chain = new ArrayList<>();
        Set<Sid> seen = new HashSet<>();
        for (GroupRoute r = byGroup.get(group); r != null && seen.add(r.group()); r = byGroup.get(r.via())) {
            chain.add(0, r);
            if (r.via().equals(sid)) {
                return chain;
            }
        }
        return List.of(); // broken or circular: no route to show
    }
}
