package org.logonrights.engine.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.logonrights.engine.Confidence;
import org.logonrights.engine.Decision;
import org.logonrights.engine.EntryMatch;
import org.logonrights.engine.Match;
import org.logonrights.engine.PoolContext;
import org.logonrights.engine.PoolContext.When;
import org.logonrights.engine.PoolRule;
import org.logonrights.engine.RuleCategory;
import org.logonrights.engine.RuleMetadata;
import org.logonrights.engine.RuleOutcome;
import org.logonrights.engine.Severity;
import org.logonrights.engine.Verdict;
import org.logonrights.engine.Wording;
import org.logonrights.model.IdentityType;
import org.logonrights.model.UserRight;

/** LR006 (D4, no GPO): the pool SID is not in Log on as a service yet; IIS adds it at the next worker launch. */
public final class AppPoolSidAddedByIisRule extends BaseRule implements PoolRule {

    public AppPoolSidAddedByIisRule() {
        super(new RuleMetadata("LR006", "apppool-sid-added-by-iis", "IIS will add the pool SID to Log on as a service itself",
                RuleCategory.GRANT, Severity.NOTE, Set.of(Verdict.WILL_START), Optional.of(Decision.D4), FIRST_RELEASE,
                List.of(References.KB981949_IIS_USER_RIGHTS, References.IIS_READDS_POOL_SID, References.POOL_SIDS,
                        References.PROCESS_MODEL_IDENTITY_TYPE),
                "IIS grants SeServiceLogonRight to each ApplicationPoolIdentity SID when it initialises and before each "
                        + "worker launch (Microsoft ASIATech blog; KB 981949), so a missing entry is normal when no GPO defines the right."));
    }

    @Override
    public Optional<RuleOutcome> evaluate(PoolContext c) {
        if (!c.runsAs(IdentityType.APPLICATION_POOL_IDENTITY) || c.gpoSetting(UserRight.SERVICE).isPresent()) {
            return Optional.empty();
        }
        if (PoolContext.strongest(c.matches(UserRight.SERVICE, When.TODAY), EntryMatch::asGrantWorstCase) == Match.CERTAIN) {
            return Optional.empty();
        }
        String message = c.identity().account() + " (" + c.identity().sid() + ") is not in " + Wording.right(UserRight.SERVICE)
                + " yet; IIS adds it before it launches the worker process, so the pool starts"
                + (c.hasGroupPolicyData() ? "." : " as long as no GPO defines that right (supply --gpresult to check).");
        String fix = "Nothing to do. If a GPO is later made to define " + UserRight.SERVICE.constantName()
                + ", include *" + c.identity().sid() + " in it.";
        return Optional.of(outcome(Verdict.WILL_START, Confidence.DOCUMENTED, c, message, fix,
                c.snapshot().rights().assignment(UserRight.SERVICE).map(a -> a.provenance()).orElse(null)));
    }
}
