package org.logonrights.engine;

import java.util.Optional;

/** A rule evaluated once per application pool; an outcome forces one of its metadata's verdicts. */
public non-sealed interface PoolRule extends Rule {
    Optional<RuleOutcome> evaluate(PoolContext context);
}
