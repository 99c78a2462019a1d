package org.logonrights.engine;

import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;

/**
 * One right entry classified against a token, with why. For an undecided entry, {@code fallback}
 * is what it is when the account turns out not to be a member (NONE, or UNCERTAIN for an alias
 * WAS injects anyway, such as IIS_IUSRS), and {@code otherwise} is why the token carries it then
 * (null when it does not). {@link Wording#why} puts {@code why} into words.
 */
public record EntryMatch(RightEntry entry, Sid resolvedSid, Match match, Match fallback, Why why, Why otherwise) {

    /** Why an entry concerns a token, or why it does not (docs/verdicts.md, "Which SIDs count"). */
    public enum Why {
        // Certainly in the token.
        /** The pool's virtual account itself. */
        VIRTUAL_ACCOUNT,
        /** The built-in service account itself. */
        BUILT_IN_ACCOUNT,
        /** The custom account itself. */
        ACCOUNT,
        EVERYONE,
        AUTHENTICATED_USERS,
        THIS_ORGANIZATION,
        /** BUILTIN\Users, in every domain and virtual account's token. */
        USERS,
        /** Local account (S-1-5-113), in every local account's token. */
        LOCAL_ACCOUNT,
        /** A group the membership data lists for the account. */
        GROUP,
        /**
         * A group the membership data lists with the route that reaches it (a remote audit's
         * {@link org.logonrights.model.GroupRoute}s): the entry's resolved SID is the group.
         */
        GROUP_ROUTE,
        /** Local account and member of Administrators (S-1-5-114). */
        LOCAL_ADMINISTRATOR,
        // In the worker token, but it is undocumented whether LSA counts it for the rights check.
        /** SERVICE, the logon-type SID of a virtual account's service logon. */
        VIRTUAL_ACCOUNT_LOGON_TYPE,
        /** BATCH or SERVICE, the logon-type SID of a custom account's logon: the entry's own SID. */
        LOGON_TYPE,
        /** S-1-5-82-0, in every pool token. */
        ALL_APP_POOLS,
        LOCAL,
        CONSOLE_LOGON,
        /** IIS_IUSRS, which WAS injects into a virtual account's token (manualGroupMembership=false). */
        INJECTED_IIS_IUSRS,
        /** IIS_IUSRS, which WAS injects into a custom account's token that is not a real member. */
        INJECTED_IIS_IUSRS_WITHOUT_MEMBERSHIP,
        /** The pool SID, which WAS adds to a custom account's token. */
        INJECTED_POOL_SID,
        // Undecided (D5).
        /** A SID that could be a group of the account; no membership data decides it. */
        COULD_BE_GROUP,
        /** A name without a SID that could be a group of the account. */
        NAME_COULD_BE_GROUP,
        // Not in the token.
        NOT_IN_TOKEN,
        /** A name without a SID that is neither the account nor one of its groups. */
        NAME_NOT_IN_TOKEN
    }

    /** True when the entry is certainly in the token by its name alone, having no SID the inputs know. */
    public boolean matchedByName() {
        return resolvedSid == null && match == Match.CERTAIN;
    }

    /** The match in the best case for a grant (member of every undecided grant group). */
    public Match asGrantBestCase() {
        return match == Match.UNDECIDED ? Match.CERTAIN : match;
    }

    /** The match in the worst case for a grant. */
    public Match asGrantWorstCase() {
        return match == Match.UNDECIDED ? fallback : match;
    }

    /** The match in the best case for a deny (member of no undecided deny group). */
    public Match asDenyBestCase() {
        return match == Match.UNDECIDED ? fallback : match;
    }

    /** The match in the worst case for a deny. */
    public Match asDenyWorstCase() {
        return match == Match.UNDECIDED ? Match.CERTAIN : match;
    }
}
