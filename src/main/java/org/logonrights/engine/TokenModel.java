package org.logonrights.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.logonrights.engine.EntryMatch.Why;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Principal;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.WellKnownSids;

/**
 * The SIDs a pool's worker logon is evaluated against, split as docs/verdicts.md, "Which SIDs
 * count" splits them: certain (the account, its real groups, Everyone, ...) and uncertain
 * (logon-type SID, LOCAL, what WAS injects), each with why the token carries it. For a SpecificUser
 * without membership data, group-like entries are undecided (docs/verdicts.md (D5)).
 */
public final class TokenModel {

    private final Map<Sid, Why> certain = new LinkedHashMap<>();
    private final Map<Sid, Why> uncertain = new LinkedHashMap<>();
    private final Map<String, Why> certainNames = new LinkedHashMap<>();
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

    /** The token of a pool's virtual account IIS APPPOOL\pool (docs/windows-facts.md §4.4). */
    public static TokenModel forVirtualAccount(Sid poolSid, String account, boolean injectsIisIusrs) {
        TokenModel t = new TokenModel(false, true, false, null);
        t.certain.put(poolSid, Why.VIRTUAL_ACCOUNT);
        t.certainNames.put(key(account), Why.VIRTUAL_ACCOUNT);
        t.addCommonCertain(true);
        t.uncertain.put(WellKnownSids.SERVICE, Why.VIRTUAL_ACCOUNT_LOGON_TYPE);
        t.uncertain.put(WellKnownSids.ALL_APP_POOLS, Why.ALL_APP_POOLS);
        t.addLocalAndConsole();
        if (injectsIisIusrs) {
            t.uncertain.put(WellKnownSids.IIS_IUSRS, Why.INJECTED_IIS_IUSRS);
        }
        return t;
    }

    /** The token of a built-in service account (only its own SID matters for D3). */
    public static TokenModel forBuiltIn(Sid accountSid, String account) {
        TokenModel t = new TokenModel(false, true, false, null);
        t.certain.put(accountSid, Why.BUILT_IN_ACCOUNT);
        t.certainNames.put(key(account), Why.BUILT_IN_ACCOUNT);
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
            t.certain.put(accountSid, Why.ACCOUNT);
        }
        if (account != null) {
            for (String variant : nameVariants(account, local)) {
                t.certainNames.put(key(variant), Why.ACCOUNT);
            }
        }
        // BUILTIN\Users is certain for domain accounts; a local account's Users membership is its own.
        t.addCommonCertain(!local);
        if (local) {
            t.certain.put(WellKnownSids.LOCAL_ACCOUNT, Why.LOCAL_ACCOUNT);
        }
        if (membership != null) {
            for (Principal g : membership.groups()) {
                if (g.sid() != null) {
                    // A route the membership records (a remote audit's) is worded link by link.
                    t.certain.putIfAbsent(g.sid(), membership.routeTo(g.sid()).isEmpty() ? Why.GROUP : Why.GROUP_ROUTE);
                }
                if (g.name() != null) {
                    t.certainNames.putIfAbsent(key(g.name()), Why.GROUP);
                }
            }
            if (local && membership.groups().stream().anyMatch(g -> WellKnownSids.ADMINISTRATORS.equals(g.sid()))) {
                t.certain.put(WellKnownSids.LOCAL_ACCOUNT_AND_ADMIN, Why.LOCAL_ADMINISTRATOR);
            }
        }
        t.uncertain.put(logonTypeSid, Why.LOGON_TYPE);
        t.addLocalAndConsole();
        if (injectsIisIusrs && !t.certain.containsKey(WellKnownSids.IIS_IUSRS)) {
            t.uncertain.put(WellKnownSids.IIS_IUSRS, Why.INJECTED_IIS_IUSRS_WITHOUT_MEMBERSHIP);
        }
        t.uncertain.putIfAbsent(poolSid, Why.INJECTED_POOL_SID);
        return t;
    }

    private void addCommonCertain(boolean includeUsers) {
        certain.putIfAbsent(WellKnownSids.EVERYONE, Why.EVERYONE);
        certain.putIfAbsent(WellKnownSids.AUTHENTICATED_USERS, Why.AUTHENTICATED_USERS);
        certain.putIfAbsent(WellKnownSids.THIS_ORGANIZATION, Why.THIS_ORGANIZATION);
        if (includeUsers) {
            certain.putIfAbsent(WellKnownSids.USERS, Why.USERS);
        }
    }

    private void addLocalAndConsole() {
        uncertain.putIfAbsent(WellKnownSids.LOCAL, Why.LOCAL);
        uncertain.putIfAbsent(WellKnownSids.CONSOLE_LOGON, Why.CONSOLE_LOGON);
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
            Why why = certain.get(sid);
            if (why != null) {
                return new EntryMatch(entry, sid, Match.CERTAIN, Match.CERTAIN, why, null);
            }
            Why uncertainWhy = uncertain.get(sid);
            if (specificUser && undecidedGroup(sid)) {
                Match fallback = uncertainWhy != null ? Match.UNCERTAIN : Match.NONE;
                return new EntryMatch(entry, sid, Match.UNDECIDED, fallback, Why.COULD_BE_GROUP, uncertainWhy);
            }
            if (uncertainWhy != null) {
                return new EntryMatch(entry, sid, Match.UNCERTAIN, Match.UNCERTAIN, uncertainWhy, null);
            }
            return new EntryMatch(entry, sid, Match.NONE, Match.NONE, Why.NOT_IN_TOKEN, null);
        }
        Why byName = certainNames.get(key(p.name()));
        if (byName != null) {
            return new EntryMatch(entry, null, Match.CERTAIN, Match.CERTAIN, byName, null);
        }
        if (specificUser && groupsUndecided()) {
            return new EntryMatch(entry, null, Match.UNDECIDED, Match.NONE, Why.NAME_COULD_BE_GROUP, null);
        }
        return new EntryMatch(entry, null, Match.NONE, Match.NONE, Why.NAME_NOT_IN_TOKEN, null);
    }

    /**
     * The D5 predicate: a SID that can be a group some account belongs to, a domain or machine SID,
     * a BUILTIN alias or S-1-5-114. Service SIDs, pool SIDs and built-in accounts are never groups.
     * The rights index sets such entries aside once per audit; {@link #undecidedGroup} narrows them
     * to one account.
     */
    static boolean isGroupLike(Sid sid) {
        return sid.isDomainOrMachine() || sid.isBuiltinAlias() || WellKnownSids.LOCAL_ACCOUNT_AND_ADMIN.equals(sid);
    }

    /**
     * D5: without (complete) membership data, a group-like SID could be a group of this account;
     * S-1-5-114 only of a local account.
     */
    private boolean undecidedGroup(Sid sid) {
        if (!groupsUndecided() || !isGroupLike(sid)) {
            return false;
        }
        if (decidesMembership && !sid.isDomainOrMachine()) {
            // The NetAPI fallback lists local aliases completely but misses some domain groups.
            return false;
        }
        return localAccount || !WellKnownSids.LOCAL_ACCOUNT_AND_ADMIN.equals(sid);
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
