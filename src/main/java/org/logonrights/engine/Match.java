package org.logonrights.engine;

/**
 * How one right entry relates to a pool's logon token (docs/verdicts.md, "Which SIDs count",
 * and docs/verdicts.md (D5)).
 */
public enum Match {
    /** The entry is a SID the token certainly carries. */
    CERTAIN,
    /** The entry is in the token, but it is undocumented whether LSA uses it for the rights check. */
    UNCERTAIN,
    /** The entry could be a group of the account; membership data would tell. */
    UNDECIDED,
    /** The entry does not concern this logon. */
    NONE
}
