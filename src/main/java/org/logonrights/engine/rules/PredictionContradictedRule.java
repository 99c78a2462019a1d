package org.logonrights.engine.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.logonrights.engine.Agreement;
import org.logonrights.engine.EventRule;
import org.logonrights.engine.Finding;
import org.logonrights.engine.PoolEvents;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.RuleCategory;
import org.logonrights.engine.RuleMetadata;
import org.logonrights.engine.Severity;
import org.logonrights.engine.Wording;
import org.logonrights.model.LoggedEvent;

/**
 * LR020: the verdict says the pool's logon works, but the server logged a logon-type failure of
 * its identity. Either the inputs are older than the events (a right changed since), or a fact
 * the verdict rests on is wrong; both need a person. Decided after the verdict, from the events
 * ({@link org.logonrights.engine.EventAgreement}), so it changes no verdict.
 */
public final class PredictionContradictedRule extends BaseRule implements EventRule {

    public PredictionContradictedRule() {
        super(new RuleMetadata("LR020", "prediction-contradicted",
                "The server logged a logon-type failure for a pool predicted to start", RuleCategory.EVENTS,
                Severity.WARNING, Set.of(), Optional.empty(), FIRST_RELEASE,
                List.of(References.WAS_EVENTS, References.EVENT_4625),
                "The verdict says the worker logon succeeds, but WAS or the Security log recorded that the pool's "
                        + "identity was not granted the logon type: the inputs are out of date, or a fact behind the "
                        + "verdict is wrong."));
    }

    @Override
    public Optional<Finding> evaluate(PoolResult pool, PoolEvents events) {
        if (events.agreement() != Agreement.CONTRADICTED) {
            return Optional.empty();
        }
        LoggedEvent event = events.decidedBy();
        return Optional.of(new Finding(metadata().id(), metadata().name(), metadata().severity(), pool.name(),
                pool.identity().account(), Wording.contradicted(pool, event), Wording.CONTRADICTION_FIX, event.source()));
    }
}
