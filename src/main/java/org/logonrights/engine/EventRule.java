package org.logonrights.engine;

import java.util.Optional;

/**
 * A rule decided after a pool's verdict, from the server's logged events joined to the pool
 * ({@link EventAgreement}); like a machine rule, it forces no verdict.
 */
public non-sealed interface EventRule extends Rule {
    Optional<Finding> evaluate(PoolResult pool, PoolEvents events);
}
