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
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.IdentityType;
import org.logonrights.model.UserRight;

/**
 * LR007 (D4 with a GPO): a GPO defines Log on as a service without the pool SID; every refresh strips
 * the SID that IIS re-adds only at the next worker launch.
 */
public final class GpoStripsAppPoolSidRule extends BaseRule implements PoolRule {

    public GpoStripsAppPoolSidRule() {
        super(new RuleMetadata("LR007", "gpo-strips-apppool-sid", "A GPO defines Log on as a service without the pool SID",
                RuleCategory.GROUP_POLICY, Severity.WARNING, Set.of(Verdict.AT_RISK), Optional.of(Decision.D4), FIRST_RELEASE,
                List.of(References.IIS_READDS_POOL_SID, References.LOG_ON_AS_A_SERVICE,
                        References.GROUP_POLICY_BACKGROUND_REFRESH, References.MS_GPAC_MAX_NO_GPO_LIST_CHANGES,
                        References.KB981949_IIS_USER_RIGHTS),
                "A GPO-defined right replaces the local list at every refresh; IIS puts the pool SID back only when it "
                        + "next launches a worker, so the pool works until a refresh and a launch race (docs/windows-facts.md §2.5)."));
    }

    @Override
    public Optional<RuleOutcome> evaluate(PoolContext c) {
        if (!c.runsAs(IdentityType.APPLICATION_POOL_IDENTITY)) {
            return Optional.empty();
        }
        Optional<GpoRightSetting> gpo = c.gpoSetting(UserRight.SERVICE);
        if (gpo.isEmpty()
                || PoolContext.strongest(c.matches(UserRight.SERVICE, When.AFTER_REFRESH), EntryMatch::asGrantWorstCase) == Match.CERTAIN) {
            return Optional.empty();
        }
        String message = "GPO " + gpo.get().gpo().label() + " defines " + Wording.right(UserRight.SERVICE) + " without "
                + c.identity().account() + " (" + c.identity().sid() + "): each policy refresh removes the SID, and IIS "
                + "adds it back only at the next worker launch, so a recycle or on-demand start can fail after a refresh.";
        String fix = "Add *" + c.identity().sid() + " (" + c.identity().account() + ") to " + Wording.right(UserRight.SERVICE)
                + " in GPO " + gpo.get().gpo().label() + "; a Group Policy editor on a domain controller cannot resolve "
                + "IIS APPPOOL names, so enter the *SID form in the GPO's GptTmpl.inf (or use a separate GPO per web server).";
        return Optional.of(outcome(Verdict.AT_RISK, Confidence.UNCERTAIN, c, message, fix, gpo.get().provenance()));
    }
}
