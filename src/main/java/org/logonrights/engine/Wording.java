package org.logonrights.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.logonrights.engine.PoolContext.When;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.GpoGap;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.GroupRoute;
import org.logonrights.model.LoggedEvent;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Principal;
import org.logonrights.model.Provenance;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.UserRight;
import org.logonrights.model.WellKnownSids;

/**
 * The engine's words: how rights, accounts, GPOs, holders and the reason a right entry concerns a
 * token are said, so that every rule and reason says them the same way and no index or token model
 * holds prose. The static methods depend on their arguments only. An instance serves one audit and
 * words each right's holders once: 20,000 pools that no entry covers then share one sentence
 * instead of holding a copy each (docs/performance.md).
 */
public final class Wording {

    /** How many holders a reason names before "and N more". */
    static final int SUMMARY_SIZE = 12;

    /** Why a GPO's settings are missing, as a clause: "its template was refused (access denied on SYSVOL)". */
    public static String gapReason(GpoGap.Reason reason) {
        return switch (reason) {
            case REGISTRY_DENIED -> "the registry key that lists the applied GPOs was refused (access denied)";
            case REMOTE_REGISTRY_STOPPED -> "the Remote Registry service does not run, so the applied GPOs could not be listed";
            case REGISTRY_UNREADABLE -> "the registry key that lists the applied GPOs could not be read";
            case NO_HISTORY -> "the registry lists no GPO for the Security extension, though the machine is in a domain";
            case TEMPLATE_DENIED -> "its GptTmpl.inf on SYSVOL was refused (access denied)";
            case TEMPLATE_UNREACHABLE -> "its GptTmpl.inf could not be reached (DFS referral or no domain controller)";
            case TEMPLATE_INVALID -> "its GptTmpl.inf is not a usable security template";
            case GPO_DELETED -> "it is listed as applied but its SYSVOL folder no longer exists";
            case PATH_NOT_FOLLOWED -> "its file-system path points outside \\\\<domain>\\SYSVOL and was not followed";
        };
    }

    /** What to do about a gap, as a sentence. */
    public static String gapFix(GpoGap.Reason reason) {
        return switch (reason) {
            case REMOTE_REGISTRY_STOPPED -> "Start the Remote Registry service on the server (sc \\\\HOST start RemoteRegistry)"
                    + " and audit again, or run gpresult /scope computer /x gpresult.xml there and audit with --gpresult.";
            case REGISTRY_DENIED, REGISTRY_UNREADABLE, NO_HISTORY -> "Audit with an administrator of the server, or run gpresult"
                    + " /scope computer /x gpresult.xml there and audit with --gpresult.";
            case TEMPLATE_DENIED, TEMPLATE_UNREACHABLE -> "Give the auditing account read access to SYSVOL (Authenticated Users"
                    + " have it by default) or name a reachable DC with --dc, or pass the GPO's GptTmpl.inf with --gpo-template.";
            case TEMPLATE_INVALID -> "Check the GPO's GptTmpl.inf in the Group Policy Management Editor, or pass a good copy"
                    + " with --gpo-template.";
            case GPO_DELETED -> "Run gpupdate /force on the server so that it drops the deleted GPO, then audit again.";
            case PATH_NOT_FOLLOWED -> "Check the GPO's gPCFileSysPath in the directory; pass its GptTmpl.inf with --gpo-template.";
        };
    }

    /** The re-commit WAS needs after a logon failure (WAS event 5021 text). */
    public static final String WAS_RETRY = "After the change, run gpupdate /force if a GPO changed, then re-save the pool's "
            + "identity or restart WAS: WAS caches an identity that failed to log on (event 5021).";

    /** "a group the account belongs to (membership file)", per source: thousands of pools share them. */
    private static final Map<MembershipSource, String> GROUP_REASONS = new EnumMap<>(MembershipSource.class);

    static {
        for (MembershipSource source : MembershipSource.values()) {
            GROUP_REASONS.put(source, "a group the account belongs to ("
                    + (source == MembershipSource.FILE ? "membership file" : source.name()) + ")");
        }
    }

    /**
     * "a group the account belongs to (membership file)"; a remote membership names where it was read
     * ("groups of X from tokenGroups on dc01 and SamrGetAliasMembership on web01").
     */
    private static String groupReason(AccountMembership membership) {
        if (membership.source() == MembershipSource.REMOTE_TOKEN_GROUPS) {
            return "a group the account belongs to (" + membership.provenance().describe() + ")";
        }
        return GROUP_REASONS.get(membership.source());
    }

    /**
     * How {@code group} reaches the account, link by link: "a group the account belongs to: PROBE\\u is
     * a member of PROBE\\g_web (memberOf on dc01), which is a member of PROBE\\g_batch (...)".
     */
    static String groupRoute(String account, AccountMembership membership, Sid group) {
        List<GroupRoute> chain = membership.routeTo(group);
        if (chain.isEmpty()) {
            return groupReason(membership);
        }
        Map<Sid, String> names = new HashMap<>();
        for (Principal g : membership.groups()) {
            if (g.sid() != null) {
                names.put(g.sid(), g.display());
            }
        }
        StringBuilder b = new StringBuilder("a group the account belongs to: ")
                .append(account != null ? account : String.valueOf(membership.sid()));
        String link = " is a member of ";
        for (GroupRoute r : chain) {
            Provenance p = r.provenance();
            b.append(link).append(names.getOrDefault(r.group(), r.group().toString())).append(" (")
                    .append(p.element() != null ? p.element() : p.kind().label())
                    .append(p.file() != null ? " on " + p.file() : "").append(')');
            link = ", which is a member of ";
        }
        return b.toString();
    }

    /** The sentences that quote one right's holders at one time. */
    private record HolderSentences(String summary, String noGrant, String noDeny) {
    }

    private final Map<When, Map<UserRight, HolderSentences>> holders = new EnumMap<>(When.class);

    /**
     * Words every right's holders up front, as the index is built: pools are evaluated in parallel,
     * and what never changes after construction needs no locking.
     */
    Wording(RightsIndex index, PrincipalDirectory directory) {
        // After a refresh, a right no GPO defines keeps today's holders: the same index, the same words.
        Map<RightsIndex.Holders, HolderSentences> worded = new IdentityHashMap<>();
        for (When when : When.values()) {
            Map<UserRight, HolderSentences> byRight = new EnumMap<>(UserRight.class);
            for (UserRight right : UserRight.values()) {
                byRight.put(right, worded.computeIfAbsent(index.holders(right, when),
                        h -> sentences(right, firstHolders(h.all, directory))));
            }
            holders.put(when, byRight);
        }
    }

    /** Up to {@value #SUMMARY_SIZE} holders, then "and N more": a right can hold thousands of SIDs. */
    private static String firstHolders(List<RightEntry> entries, PrincipalDirectory directory) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < entries.size() && i < SUMMARY_SIZE; i++) {
            shown.add(directory.display(entries.get(i).principal()));
        }
        String list = String.join(", ", shown);
        return entries.size() > SUMMARY_SIZE ? list + " and " + (entries.size() - SUMMARY_SIZE) + " more" : list;
    }

    private static HolderSentences sentences(UserRight right, String summary) {
        return new HolderSentences(summary,
                "No SID this logon carries holds " + right.constantName() + "; it is held by " + summary + ".",
                "No entry of " + right.constantName() + " covers this logon (" + summary + ").");
    }

    /** The first {@value #SUMMARY_SIZE} holders of a right at the given time, then "and N more". */
    public String holdersSummary(UserRight right, When when) {
        return holders.get(when).get(right).summary();
    }

    /** The grant step of a reason chain when no entry of {@code right} concerns the pool. */
    String noGrantSentence(UserRight right) {
        return holders.get(When.TODAY).get(right).noGrant();
    }

    /** The deny step of a reason chain when no entry of {@code deny} concerns the pool. */
    String noDenySentence(UserRight deny) {
        return holders.get(When.TODAY).get(deny).noDeny();
    }

    /** LR020's fix: export again, or report the fact the event disproves. */
    public static final String CONTRADICTION_FIX = "Check that the inputs were exported after the event (export them "
            + "again now and audit again); if they were, the verdict rests on a wrong fact: report it with both files "
            + "(docs/rules/LR020.md).";

    /** LR020's message: the verdict, and the logged failure that contradicts it. */
    public static String contradicted(PoolResult pool, LoggedEvent event) {
        return "predicted " + pool.verdict() + " for pool '" + pool.name() + "', but event " + event.kind().id()
                + " at " + event.time() + " (" + event.source().file() + ", " + event.source().element()
                + (event.code() == null ? "" : ", error " + event.code()) + ") shows its logon failing: "
                + event.failure().meaning();
    }

    /** {@code 'Log on as a batch job' (SeBatchLogonRight)}. */
    public static String right(UserRight r) {
        return "'" + r.displayName() + "' (" + r.constantName() + ")";
    }

    /** The account with its SID in both forms an admin types: name for secpol, *SID for GptTmpl.inf. */
    public static String accountWithSid(PoolContext c) {
        Sid sid = c.identity().sid();
        String account = c.identity().account();
        return sid == null ? account : account + " (" + sid + "; in a GptTmpl.inf: *" + sid + ")";
    }

    /** Where a right must be changed so the change survives: the GPO that defines it, or local policy. */
    public static String whereToChange(PoolContext c, UserRight r) {
        Optional<GpoRightSetting> gpo = c.gpoSetting(r);
        if (gpo.isPresent()) {
            return "in GPO " + gpo.get().gpo().label() + ", which defines " + r.constantName()
                    + " (a local change is overwritten at the next policy refresh)";
        }
        if (c.hasGroupPolicyData()) {
            return "in Local Security Policy (secpol.msc > Local Policies > User Rights Assignment); no GPO defines "
                    + r.constantName();
        }
        return "in the GPO that defines " + r.constantName() + " if one does (run with --gpresult to know), "
                + "otherwise in Local Security Policy (secpol.msc > Local Policies > User Rights Assignment)";
    }

    /** The principals of the matches, each once, as {@link PrincipalDirectory#display} names them. */
    public static String displayAll(PoolContext c, List<EntryMatch> matches) {
        return matches.stream().map(m -> c.directory().display(m.entry().principal())).distinct()
                .collect(Collectors.joining(", "));
    }

    /** Why an entry concerns the pool's token, or why it does not: "a group the account belongs to (…)". */
    public static String why(PoolContext c, EntryMatch m) {
        String why = reason(c, m.why(), m);
        return m.matchedByName() ? why + " (matched by name)" : why;
    }

    private static String reason(PoolContext c, EntryMatch.Why why, EntryMatch m) {
        return switch (why) {
            case VIRTUAL_ACCOUNT -> "the pool's virtual account itself";
            case BUILT_IN_ACCOUNT -> "the built-in account itself";
            case ACCOUNT -> "the account itself";
            case EVERYONE -> "Everyone, in every token";
            case AUTHENTICATED_USERS -> "Authenticated Users, in every token";
            case THIS_ORGANIZATION -> "This Organization, in every token";
            case USERS -> "BUILTIN\\Users, in every domain and virtual account's token";
            case LOCAL_ACCOUNT -> "Local account (S-1-5-113), in every local account's token";
            case GROUP -> groupReason(c.token().membership().orElseThrow());
            case GROUP_ROUTE -> groupRoute(c.identity().account(), c.token().membership().orElseThrow(), m.resolvedSid());
            case LOCAL_ADMINISTRATOR -> "local account in Administrators (S-1-5-114)";
            case VIRTUAL_ACCOUNT_LOGON_TYPE -> "the service logon-type SID";
            case LOGON_TYPE -> "the " + WellKnownSids.nameOf(m.resolvedSid()).orElse("logon-type") + " logon-type SID";
            case ALL_APP_POOLS -> "S-1-5-82-0, in every pool token";
            case LOCAL -> "LOCAL, in the worker token";
            case CONSOLE_LOGON -> "CONSOLE LOGON, in the worker token";
            case INJECTED_IIS_IUSRS -> "IIS_IUSRS, which WAS injects (manualGroupMembership=false)";
            case INJECTED_IIS_IUSRS_WITHOUT_MEMBERSHIP -> "IIS_IUSRS, which WAS injects (manualGroupMembership=false) without real membership";
            case INJECTED_POOL_SID -> "the pool SID, which WAS adds to a custom account's token";
            case COULD_BE_GROUP -> "could be a group the account belongs to; no membership data decides it"
                    + (m.otherwise() == null ? "" : "; otherwise only " + reason(c, m.otherwise(), m));
            case NAME_COULD_BE_GROUP -> "a name not tied to a SID; it could be a group the account belongs to";
            case NOT_IN_TOKEN -> "not in this logon's token";
            case NAME_NOT_IN_TOKEN -> "a name not tied to a SID, not the account or one of its groups";
        };
    }

    /** The verdict step of a pool decided by nothing, the export holding no user rights. */
    static String exportWithoutRights(Provenance export) {
        return Verdict.UNKNOWN + " (uncertain): " + export.file() + " holds no user rights: export with /areas USER_RIGHTS.";
    }

    /** "FILE may be cut short and does not define SeBatchLogonRight or SeDenyBatchLogonRight". */
    static String mayBeCutShort(Provenance file, List<UserRight> missing) {
        return file.file() + " may be cut short and does not define "
                + String.join(" or ", missing.stream().map(UserRight::constantName).toList());
    }

    /** The verdict step of a pool lowered because an input it rests on may be cut short. */
    static String loweredByDoubts(Verdict lowered, List<String> doubts, Verdict whole, Confidence confidence) {
        return lowered + " (uncertain): " + String.join("; ", doubts) + " (see the warning on that input); the lines it holds give "
                + whole + " (" + confidence.name().toLowerCase(Locale.ROOT) + ").";
    }
}
