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

/** LR002: a deny right applies through a SID certainly in the logon's token; deny beats every grant. */
public final class LogonRightDeniedRule extends BaseRule implements PoolRule {

    public LogonRightDeniedRule() {
        super(new RuleMetadata("LR002", "logon-right-denied", "A deny logon right applies to the pool identity",
                RuleCategory.DENY, Severity.ERROR, Set.of(Verdict.WILL_FAIL), Optional.of(Decision.D2), FIRST_RELEASE,
                List.of(References.ACCOUNT_RIGHTS_CONSTANTS, References.MS_LSAD_SYSTEM_ACCESS_MODE,
                        References.LOG_ON_AS_A_SERVICE, References.DENY_LOG_ON_AS_A_BATCH_JOB,
                        References.ALLOW_A_SET_DENY_A_SUBSET, References.EVENT_4625),
                "Each SeDeny*LogonRight supersedes its allow right, including grants through groups (MS-LSAD 2.2.1.2); "
                        + "a deny entry matching the account, one of its groups, Everyone or Authenticated Users blocks the logon."));
    }

    @Override
    public Optional<RuleOutcome> evaluate(PoolContext c) {
        UserRight deny = c.denyRight();
        if (deny == null) {
            return Optional.empty();
        }
        List<EntryMatch> hits = PoolContext.where(c.matches(deny, When.TODAY), EntryMatch::asDenyBestCase, Match.CERTAIN);
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        EntryMatch first = hits.get(0);
        String message = Wording.right(deny) + " lists " + Wording.displayAll(c, hits) + ", which is " + Wording.why(c, first)
                + "; a deny overrides every grant, so the logon of " + c.identity().account() + " fails.";
        String entry = c.directory().display(first.entry().principal());
        boolean viaGroup = first.why() == EntryMatch.Why.GROUP;
        String fix = (viaGroup
                ? "Take " + c.identity().account() + " out of " + entry + " (deny lists such as Guests usually come from a "
                + "security baseline that should stay), or remove " + entry + " from " + Wording.right(deny) + " "
                + Wording.whereToChange(c, deny)
                : "Remove " + entry + " from " + Wording.right(deny) + " " + Wording.whereToChange(c, deny))
                + ", or run the pool as an identity the deny does not cover. " + Wording.WAS_RETRY;
        return Optional.of(outcome(Verdict.WILL_FAIL, Confidence.DOCUMENTED, c, message, fix, first.entry().provenance()));
    }
}
