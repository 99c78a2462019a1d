package org.logonrights.engine.rules;

import java.util.Optional;
import org.logonrights.engine.PoolContext;

/** A rule evaluated once per application pool. */
public interface PoolRule extends Rule {
    Optional<RuleOutcome> evaluate(PoolContext context);
}
