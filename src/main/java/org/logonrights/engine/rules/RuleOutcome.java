package org.logonrights.engine.rules;

import java.util.Objects;
import org.logonrights.engine.Confidence;
import org.logonrights.engine.Finding;
import org.logonrights.engine.Verdict;

/** What a pool rule concluded: the verdict it forces, how sure, and the finding that says why. */
public record RuleOutcome(Verdict verdict, Confidence confidence, Finding finding) {
    public RuleOutcome {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(finding, "finding");
    }
}
