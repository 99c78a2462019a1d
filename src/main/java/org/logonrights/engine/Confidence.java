package org.logonrights.engine;

/** How well the weakest fact behind a verdict is established (docs/verdicts.md, "Confidence"). */
public enum Confidence {
    DOCUMENTED,
    OBSERVED,
    UNCERTAIN;

    /** The weaker of two confidences. */
    public Confidence weakest(Confidence other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
