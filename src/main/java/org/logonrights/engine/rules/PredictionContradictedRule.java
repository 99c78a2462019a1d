package org.logonrights.engine.rules;

import org.logonrights.engine.Finding;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.Severity;
import org.logonrights.model.LoggedEvent;

/**
 * LR020: the verdict says the pool's logon works, but the server logged a logon-type failure of
 * its identity. Either the inputs are older than the events (a right changed since), or a fact
 * the verdict rests on is wrong; both need a person. Decided after the verdict, from the events
 * ({@link org.logonrights.engine.EventAgreement}), so it changes no verdict.
 */
public final class PredictionContradictedRule extends BaseRule {

    public static final PredictionContradictedRule INSTANCE = new PredictionContradictedRule();

    private PredictionContradictedRule() {
        super("LR020", "prediction-contradicted", "The server logged a logon-type failure for a pool predicted to start",
                Severity.WARNING, "The verdict says the worker logon succeeds, but WAS or the Security log recorded "
                        + "that the pool's identity was not granted the logon type: the inputs are out of date, or a "
                        + "fact behind the verdict is wrong.");
    }

    /** The finding for {@code pool}, citing the event that contradicts it. */
    public Finding finding(PoolResult pool, LoggedEvent event) {
        String message = "predicted " + pool.verdict() + " for pool '" + pool.name() + "', but event " + event.kind().id()
                + " at " + event.time() + " (" + event.source().file() + ", " + event.source().element()
                + (event.code() == null ? "" : ", error " + event.code()) + ") shows its logon failing: "
                + event.failure().meaning();
        String remediation = "Check that the inputs were exported after the event (export them again now and audit "
                + "again); if they were, the verdict rests on a wrong fact: report it with both files "
                + "(docs/rules/LR020.md).";
        return new Finding(id(), name(), defaultSeverity(), pool.name(), pool.identity().account(), message, remediation,
                event.source());
    }
}
