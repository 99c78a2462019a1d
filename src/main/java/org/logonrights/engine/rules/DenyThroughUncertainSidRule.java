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
import org.logonrights.model.UserRight;

/** LR003 (D2): a deny right names a SID that is in the token but may not count for the rights check. */
public final class DenyThroughUncertainSidRule extends BaseRule implements PoolRule {

    public DenyThroughUncertainSidRule() {
        super(new RuleMetadata("LR003", "deny-through-uncertain-sid", "A deny logon right names a SID the worker token may carry",
                RuleCategory.DENY, Severity.WARNING, Set.of(Verdict.AT_RISK), Optional.of(Decision.D2), FIRST_RELEASE,
                List.of(References.ACCOUNT_RIGHTS_CONSTANTS, References.LSA_LOGON_USER, References.LOGON_USER_EX_EX,
                        References.PROCESS_MODEL_GROUP_MEMBERSHIP, References.IIS_BUILT_IN_ACCOUNTS),
                "The logon-type SID (BATCH, SERVICE), LOCAL, CONSOLE LOGON and the SIDs WAS injects are in the final "
                        + "worker token, but it is undocumented whether LSA evaluates deny rights against them (docs/verdicts.md (D2))."));
    }

    @Override
    public Optional<RuleOutcome> evaluate(PoolContext c) {
        UserRight deny = c.denyRight();
        if (deny == null) {
            return Optional.empty();
        }
        List<EntryMatch> matches = c.matches(deny, When.TODAY);
        if (PoolContext.strongest(matches, EntryMatch::asDenyBestCase) != Match.UNCERTAIN) {
            return Optional.empty();
        }
        List<EntryMatch> hits = PoolContext.where(matches, EntryMatch::asDenyBestCase, Match.UNCERTAIN);
        EntryMatch first = hits.get(0);
        String message = Wording.right(deny) + " lists " + Wording.displayAll(c, hits) + ": " + Wording.why(c, first)
                + ". Whether LSA applies a deny through that SID is undocumented, so the logon of "
                + c.identity().account() + " may be refused.";
        String fix = "Remove " + c.directory().display(first.entry().principal()) + " from " + Wording.right(deny) + " "
                + Wording.whereToChange(c, deny) + " unless blocking it is intended.";
        return Optional.of(outcome(Verdict.AT_RISK, Confidence.UNCERTAIN, c, message, fix, first.entry().provenance()));
    }
}
