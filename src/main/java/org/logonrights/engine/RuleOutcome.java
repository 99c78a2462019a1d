package org.logonrights.engine;

import java.util.Objects;

/** What a pool rule concluded: the verdict it forces, how sure, and the finding that says why. */
public record RuleOutcome(Verdict verdict, Confidence confidence, Finding finding) {
    public RuleOutcome {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(finding, "finding");
    }
}
