package org.logonrights.engine.rules;

import java.util.Optional;
import org.logonrights.engine.Confidence;
import org.logonrights.engine.EntryMatch;
import org.logonrights.engine.Match;
import org.logonrights.engine.PoolContext;
import org.logonrights.engine.PoolContext.When;
import org.logonrights.engine.Severity;
import org.logonrights.engine.Verdict;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.IdentityType;
import org.logonrights.model.UserRight;

/**
 * LR007 (D4 with a GPO): a GPO defines Log on as a service without the pool SID; every refresh strips
 * the SID that IIS re-adds only at the next worker launch.
 */
public final class GpoStripsAppPoolSidRule extends BaseRule implements PoolRule {

    public GpoStripsAppPoolSidRule() {
        super("LR007", "gpo-strips-apppool-sid", "A GPO defines Log on as a service without the pool SID",
                Severity.WARNING,
                "A GPO-defined right replaces the local list at every refresh; IIS puts the pool SID back only when it "
                        + "next launches a worker, so the pool works until a refresh and a launch race (domain-facts §2.5).");
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
        String message = "GPO " + gpo.get().gpo().label() + " defines " + Texts.right(UserRight.SERVICE) + " without "
                + c.identity().account() + " (" + c.identity().sid() + "): each policy refresh removes the SID, and IIS "
                + "adds it back only at the next worker launch, so a recycle or on-demand start can fail after a refresh.";
        String fix = "Add *" + c.identity().sid() + " (" + c.identity().account() + ") to " + Texts.right(UserRight.SERVICE)
                + " in GPO " + gpo.get().gpo().label() + "; a Group Policy editor on a domain controller cannot resolve "
                + "IIS APPPOOL names, so enter the *SID form in the GPO's GptTmpl.inf (or use a separate GPO per web server).";
        return Optional.of(outcome(Verdict.AT_RISK, Confidence.UNCERTAIN, c, message, fix, gpo.get().provenance()));
    }
}
