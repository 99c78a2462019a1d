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
import org.logonrights.model.UserRight;

/** LR009 (D6): a GPO defines a deny right that is not in effect yet and will block the logon after the next refresh. */
public final class DenyAddedAtNextRefreshRule extends BaseRule implements PoolRule {

    public DenyAddedAtNextRefreshRule() {
        super(new RuleMetadata("LR009", "deny-added-at-next-refresh",
                "The next Group Policy refresh adds a deny that blocks the pool",
                RuleCategory.GROUP_POLICY, Severity.WARNING, Set.of(Verdict.AT_RISK), Optional.of(Decision.D6), FIRST_RELEASE,
                List.of(References.ACCOUNT_RIGHTS_CONSTANTS, References.DENY_LOG_ON_AS_A_BATCH_JOB,
                        References.LOG_ON_AS_A_SERVICE, References.GROUP_POLICY_BACKGROUND_REFRESH),
                "A GPO-defined deny right replaces the local list at the next refresh; an entry that covers the pool "
                        + "identity then blocks its logon although it starts today (docs/verdicts.md (D6))."));
    }

    @Override
    public Optional<RuleOutcome> evaluate(PoolContext c) {
        UserRight deny = c.denyRight();
        if (deny == null) {
            return Optional.empty();
        }
        Optional<GpoRightSetting> gpo = c.gpoSetting(deny);
        if (gpo.isEmpty()) {
            return Optional.empty();
        }
        List<EntryMatch> today = c.matches(deny, When.TODAY);
        List<EntryMatch> after = c.matches(deny, When.AFTER_REFRESH);
        Match todayLevel = PoolContext.strongest(today, EntryMatch::asDenyBestCase);
        Match afterLevel = PoolContext.strongest(after, EntryMatch::asDenyBestCase);
        if (RefreshComparison.rank(afterLevel) <= RefreshComparison.rank(todayLevel)) {
            return Optional.empty();
        }
        List<EntryMatch> added = RefreshComparison.notListedIn(after, today, EntryMatch::asDenyBestCase, afterLevel);
        String message = "GPO " + gpo.get().gpo().label() + " defines " + Wording.right(deny) + " with "
                + Wording.displayAll(c, added) + ", which covers " + c.identity().account() + " ("
                + (added.isEmpty() ? "" : Wording.why(c, added.get(0))) + ") but is not in effect yet: the next policy refresh blocks the logon.";
        String fix = "Take " + c.identity().account() + " out of the group the deny names, or remove that entry from "
                + Wording.right(deny) + " in GPO " + gpo.get().gpo().label()
                + ", or run the pool as an identity the deny does not cover.";
        return Optional.of(outcome(Verdict.AT_RISK, Confidence.DOCUMENTED, c, message, fix,
                added.isEmpty() ? gpo.get().provenance() : added.get(0).entry().provenance()));
    }
}
