package org.logonrights.engine;

import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;

/**
 * One right entry classified against a token, with why. For an undecided entry, {@code fallback}
 * is what it is when the account turns out not to be a member (NONE, or UNCERTAIN for an alias
 * WAS injects anyway, such as IIS_IUSRS).
 */
public record EntryMatch(RightEntry entry, Sid resolvedSid, Match match, Match fallback, String why) {

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
