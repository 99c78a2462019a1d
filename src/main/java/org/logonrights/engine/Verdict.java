package org.logonrights.engine;

/**
 * Whether a pool's worker process will be able to log on (docs/verdicts.md, "The four verdicts").
 * The order of the constants is the order of precedence when outcomes combine: a failure beats an
 * undecided verdict, which beats a risk, which beats a start.
 */
public enum Verdict {
    WILL_START,
    AT_RISK,
    UNKNOWN,
    WILL_FAIL;

    /** The verdict that wins when two outcomes apply to one pool. */
    public Verdict combine(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
