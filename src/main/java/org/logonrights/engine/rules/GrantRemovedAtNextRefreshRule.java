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

/** LR008 (D6): the pool starts today only thanks to a grant the GPO that defines the right will remove. */
public final class GrantRemovedAtNextRefreshRule extends BaseRule implements PoolRule {

    public GrantRemovedAtNextRefreshRule() {
        super(new RuleMetadata("LR008", "grant-removed-at-next-refresh",
                "The next Group Policy refresh removes the grant the pool relies on",
                RuleCategory.GROUP_POLICY, Severity.WARNING, Set.of(Verdict.AT_RISK), Optional.of(Decision.D6), FIRST_RELEASE,
                List.of(References.LOG_ON_AS_A_SERVICE, References.GROUP_POLICY_BACKGROUND_REFRESH,
                        References.GROUP_POLICY_REFRESH_INTERVAL, References.MS_GPAC_MAX_NO_GPO_LIST_CHANGES,
                        References.RSOP_POLICY_SETTING),
                "A GPO that defines a user right replaces the local list at every refresh (90 ± 30 minutes; security "
                        + "settings at least every 16 hours), so a locally added grant the GPO does not list vanishes (docs/verdicts.md (D6))."));
    }

    @Override
    public Optional<RuleOutcome> evaluate(PoolContext c) {
        UserRight right = c.requiredRight();
        if (right == null || c.identity().type() == IdentityType.APPLICATION_POOL_IDENTITY) {
            return Optional.empty();
        }
        Optional<GpoRightSetting> gpo = c.gpoSetting(right);
        if (gpo.isEmpty()) {
            return Optional.empty();
        }
        List<EntryMatch> today = c.matches(right, When.TODAY);
        List<EntryMatch> after = c.matches(right, When.AFTER_REFRESH);
        Match todayLevel = PoolContext.strongest(today, EntryMatch::asGrantWorstCase);
        Match afterLevel = PoolContext.strongest(after, EntryMatch::asGrantWorstCase);
        if (RefreshComparison.rank(todayLevel) <= RefreshComparison.rank(afterLevel)) {
            return Optional.empty();
        }
        List<EntryMatch> lost = RefreshComparison.notListedIn(today, after, EntryMatch::asGrantWorstCase, todayLevel);
        List<String> unresolved = after.stream().filter(m -> m.resolvedSid() == null)
                .map(m -> "'" + m.entry().principal().name() + "'").toList();
        boolean direct = lost.stream().allMatch(m -> m.resolvedSid() != null && m.resolvedSid().equals(c.identity().sid()));
        String through = direct ? " today only through a grant to the account itself"
                : " today only through " + Wording.displayAll(c, lost);
        String verb = todayLevel == Match.CERTAIN ? " holds " : " reaches ";
        List<EntryMatch> undecidedAfter = after.stream().filter(m -> m.match() == Match.UNDECIDED).toList();
        String consequence = undecidedAfter.isEmpty() ? "the next policy refresh removes it and the logon fails from then on."
                : "the next policy refresh removes it, and the logon then depends on whether the account belongs to "
                + Wording.displayAll(c, undecidedAfter) + ".";
        String message = c.identity().account() + verb + Wording.right(right) + through + ", which GPO "
                + gpo.get().gpo().label() + " does not list: " + consequence;
        Confidence confidence = undecidedAfter.isEmpty() && todayLevel == Match.CERTAIN ? Confidence.DOCUMENTED
                : Confidence.UNCERTAIN;
        if (!unresolved.isEmpty()) {
            // A GPO member known only by name may be the very group the account relies on today.
            confidence = Confidence.UNCERTAIN;
            message += " The GPO also names " + String.join(", ", unresolved) + ", which the inputs cannot tie to a SID; "
                    + "if that is the same principal, nothing is lost (supply --memberships naming it with its SID).";
        }
        String fix = "Add " + Wording.accountWithSid(c) + " to " + Wording.right(right) + " in GPO " + gpo.get().gpo().label()
                + ", or make the account a real member of a group that GPO lists. " + Wording.WAS_RETRY;
        return Optional.of(outcome(Verdict.AT_RISK, confidence, c, message, fix,
                lost.isEmpty() ? gpo.get().provenance() : lost.get(0).entry().provenance()));
    }
}
