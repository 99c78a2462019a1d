package org.logonrights.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Principal;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.WellKnownSids;

/**
 * The SIDs a pool's worker logon is evaluated against, split as DECISIONS.md splits them: certain
 * (the account, its real groups, Everyone, ...) and uncertain (logon-type SID, LOCAL, what WAS
 * injects). For a SpecificUser without membership data, group-like entries are undecided (D5).
 */
public final class TokenModel {

    private final Map<Sid, String> certain = new LinkedHashMap<>();
    private final Map<Sid, String> uncertain = new LinkedHashMap<>();
    private final Map<String, String> certainNames = new LinkedHashMap<>();
    private final boolean decidesMembership;
    private final boolean membershipComplete;
    private final boolean localAccount;
    private final AccountMembership membership;

    private TokenModel(boolean decidesMembership, boolean membershipComplete, boolean localAccount,
                       AccountMembership membership) {
        this.decidesMembership = decidesMembership;
        this.membershipComplete = membershipComplete;
        this.localAccount = localAccount;
        this.membership = membership;
    }

    /** The token of a pool's virtual account IIS APPPOOL\pool (domain-facts §4.4). */
    public static TokenModel forVirtualAccount(Sid poolSid, String account, boolean injectsIisIusrs) {
        TokenModel t = new TokenModel(false, true, false, null);
        t.certain.put(poolSid, "the pool's virtual account itself");
        t.certainNames.put(key(account), "the pool's virtual account itself");
        t.addCommonCertain(true);
        t.uncertain.put(WellKnownSids.SERVICE, "the service logon-type SID");
        t.uncertain.put(WellKnownSids.ALL_APP_POOLS, "S-1-5-82-0, in every pool token");
        t.addLocalAndConsole();
        if (injectsIisIusrs) {
            t.uncertain.put(WellKnownSids.IIS_IUSRS, "IIS_IUSRS, which WAS injects (manualGroupMembership=false)");
        }
        return t;
    }

    /** The token of a built-in service account (only its own SID matters for D3). */
    public static TokenModel forBuiltIn(Sid accountSid, String account) {
        TokenModel t = new TokenModel(false, true, false, null);
        t.certain.put(accountSid, "the built-in account itself");
        t.certainNames.put(key(account), "the built-in account itself");
        return t;
    }

    /**
     * The token of a SpecificUser logon.
     *
     * @param membership the account's membership data, or null when none was supplied
     * @param logonTypeSid BATCH or SERVICE
     * @param poolSid the pool SID WAS adds to a custom account's token
     */
    public static TokenModel forSpecificUser(String account, Sid accountSid, boolean local,
                                             AccountMembership membership, Sid logonTypeSid, Sid poolSid,
                                             boolean injectsIisIusrs) {
        boolean complete = membership != null && membership.complete()
                && membership.source() != MembershipSource.NETAPI_FALLBACK;
        TokenModel t = new TokenModel(membership != null, complete, local, membership);
        if (accountSid != null) {
            t.certain.put(accountSid, "the account itself");
        }
        if (account != null) {
            for (String variant : nameVariants(account, local)) {
                t.certainNames.put(key(variant), "the account itself");
            }
        }
        // BUILTIN\Users is certain for domain accounts; a local account's Users membership is its own.
        t.addCommonCertain(!local);
        if (local) {
            t.certain.put(WellKnownSids.LOCAL_ACCOUNT, "Local account (S-1-5-113), in every local account's token");
        }
        if (membership != null) {
            String origin = switch (membership.source()) {
                case FILE -> "membership file";
                case REMOTE_TOKEN_GROUPS -> membership.provenance().describe();
                default -> membership.source().name();
            };
            String why = "a group the account belongs to (" + origin + ")";
            for (Principal g : membership.groups()) {
                if (g.sid() != null) {
                    t.certain.putIfAbsent(g.sid(), routeOf(membership, account, g.sid()).orElse(why));
                }
                if (g.name() != null) {
                    t.certainNames.putIfAbsent(key(g.name()), why);
                }
            }
            if (local && membership.groups().stream().anyMatch(g -> WellKnownSids.ADMINISTRATORS.equals(g.sid()))) {
                t.certain.put(WellKnownSids.LOCAL_ACCOUNT_AND_ADMIN, "local account in Administrators (S-1-5-114)");
            }
        }
        t.uncertain.put(logonTypeSid, "the " + WellKnownSids.nameOf(logonTypeSid).orElse("logon-type") + " logon-type SID");
        t.addLocalAndConsole();
        if (injectsIisIusrs && !t.certain.containsKey(WellKnownSids.IIS_IUSRS)) {
            t.uncertain.put(WellKnownSids.IIS_IUSRS, "IIS_IUSRS, which WAS injects (manualGroupMembership=false) without real membership");
        }
        t.uncertain.putIfAbsent(poolSid, "the pool SID, which WAS adds to a custom account's token");
        return t;
    }

    /**
     * How a group reaches the account, when the membership records it: "a group the account belongs to:
     * PROBE\\u is a member of PROBE\\g_web (memberOf on dc01), which is a member of PROBE\\g_batch (...)".
     */
    private static Optional<String> routeOf(AccountMembership membership, String account, Sid group) {
        java.util.List<org.logonrights.model.GroupRoute> chain = membership.routeTo(group);
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        Map<Sid, String> names = new java.util.HashMap<>();
        for (Principal g : membership.groups()) {
            if (g.sid() != null) {
                names.put(g.sid(), g.display());
            }
        }
        StringBuilder b = new StringBuilder("a group the account belongs to: ")
                .append(account != null ? account : String.valueOf(membership.sid()));
        String link = " is a member of ";
        for (org.logonrights.model.GroupRoute r : chain) {
            org.logonrights.model.Provenance p = r.provenance();
            b.append(link).append(names.getOrDefault(r.group(), r.group().toString())).append(" (")
                    .append(p.element() != null ? p.element() : p.kind().label())
                    .append(p.file() != null ? " on " + p.file() : "").append(')');
            link = ", which is a member of ";
        }
        return Optional.of(b.toString());
    }

    private void addCommonCertain(boolean includeUsers) {
        certain.putIfAbsent(WellKnownSids.EVERYONE, "Everyone, in every token");
        certain.putIfAbsent(WellKnownSids.AUTHENTICATED_USERS, "Authenticated Users, in every token");
        certain.putIfAbsent(WellKnownSids.THIS_ORGANIZATION, "This Organization, in every token");
        if (includeUsers) {
            certain.putIfAbsent(WellKnownSids.USERS, "BUILTIN\\Users, in every domain and virtual account's token");
        }
    }

    private void addLocalAndConsole() {
        uncertain.putIfAbsent(WellKnownSids.LOCAL, "LOCAL, in the worker token");
        uncertain.putIfAbsent(WellKnownSids.CONSOLE_LOGON, "CONSOLE LOGON, in the worker token");
    }

    /** Every SID this token certainly or possibly carries: the keys a right's index is probed with. */
    public java.util.Set<Sid> sids() {
        java.util.Set<Sid> all = new java.util.HashSet<>(certain.keySet());
        all.addAll(uncertain.keySet());
        return all;
    }

    /** The SIDs the token certainly carries, as a view (no copy). */
    java.util.Set<Sid> certainSids() {
        return java.util.Collections.unmodifiableSet(certain.keySet());
    }

    /** The SIDs the token possibly carries, as a view (no copy). */
    java.util.Set<Sid> uncertainSids() {
        return java.util.Collections.unmodifiableSet(uncertain.keySet());
    }

    /** True when membership data exists for the account (group entries can be decided). */
    public boolean hasMembership() {
        return decidesMembership;
    }

    public boolean membershipComplete() {
        return membershipComplete;
    }

    /**
     * True when an entry with a group-like SID outside this token can still be a group of the account
     * (D5): complete membership data rules that out, so such entries need no classification.
     */
    boolean groupsUndecided() {
        return !(decidesMembership && membershipComplete);
    }

    public Optional<AccountMembership> membership() {
        return Optional.ofNullable(membership);
    }

    /** Classifies one right entry against this token. */
    public EntryMatch classify(RightEntry entry, PrincipalDirectory directory, boolean specificUser) {
        Principal p = entry.principal();
        Sid sid = directory.resolve(p).orElse(null);
        if (sid != null) {
            String why = certain.get(sid);
            if (why != null) {
                return new EntryMatch(entry, sid, Match.CERTAIN, Match.CERTAIN, why);
            }
            String uncertainWhy = uncertain.get(sid);
            if (specificUser && couldBeGroup(sid)) {
                Match fallback = uncertainWhy != null ? Match.UNCERTAIN : Match.NONE;
                return new EntryMatch(entry, sid, Match.UNDECIDED, fallback,
                        "could be a group the account belongs to; no membership data decides it"
                                + (uncertainWhy != null ? "; otherwise only " + uncertainWhy : ""));
            }
            if (uncertainWhy != null) {
                return new EntryMatch(entry, sid, Match.UNCERTAIN, Match.UNCERTAIN, uncertainWhy);
            }
            return new EntryMatch(entry, sid, Match.NONE, Match.NONE, "not in this logon's token");
        }
        String byName = certainNames.get(key(p.name()));
        if (byName != null) {
            return new EntryMatch(entry, null, Match.CERTAIN, Match.CERTAIN, byName + " (matched by name)");
        }
        if (specificUser && (!decidesMembership || !membershipComplete)) {
            return new EntryMatch(entry, null, Match.UNDECIDED, Match.NONE,
                    "a name not tied to a SID; it could be a group the account belongs to");
        }
        return new EntryMatch(entry, null, Match.NONE, Match.NONE, "a name not tied to a SID, not the account or one of its groups");
    }

    /**
     * D5: without (complete) membership data, a domain SID, a BUILTIN alias or S-1-5-114 (for a local
     * account) could be a group of the account. Service SIDs, pool SIDs and built-in accounts are
     * never groups.
     */
    private boolean couldBeGroup(Sid sid) {
        if (!groupsUndecided()) {
            return false;
        }
        if (decidesMembership && !sid.isDomainOrMachine()) {
            // The NetAPI fallback lists local aliases completely but misses some domain groups.
            return false;
        }
        return sid.isDomainOrMachine() || sid.isBuiltinAlias()
                || (localAccount && WellKnownSids.LOCAL_ACCOUNT_AND_ADMIN.equals(sid));
    }

    private static java.util.List<String> nameVariants(String account, boolean local) {
        String a = account.strip();
        int slash = a.indexOf('\\');
        String bare = slash >= 0 ? a.substring(slash + 1) : a;
        if (local) {
            // secedit writes local accounts unqualified ("Guest"), admins write ".\name" or "HOST\name".
            return java.util.List.of(a, bare, ".\\" + bare);
        }
        return java.util.List.of(a);
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
