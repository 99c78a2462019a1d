package org.logonrights.engine.rules;

import java.util.List;
import java.util.Optional;
import org.logonrights.engine.Confidence;
import org.logonrights.engine.EntryMatch;
import org.logonrights.engine.Match;
import org.logonrights.engine.PoolContext;
import org.logonrights.engine.PoolContext.When;
import org.logonrights.engine.Severity;
import org.logonrights.engine.Verdict;
import org.logonrights.model.UserRight;

/** LR002: a deny right applies through a SID certainly in the logon's token; deny beats every grant. */
public final class LogonRightDeniedRule extends BaseRule implements PoolRule {

    public LogonRightDeniedRule() {
        super("LR002", "logon-right-denied", "A deny logon right applies to the pool identity", Severity.ERROR,
                "Each SeDeny*LogonRight supersedes its allow right, including grants through groups (MS-LSAD 2.2.1.2); "
                        + "a deny entry matching the account, one of its groups, Everyone or Authenticated Users blocks the logon.");
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
        String message = Texts.right(deny) + " lists " + Texts.displayAll(c, hits) + ", which is " + first.why()
                + "; a deny overrides every grant, so the logon of " + c.identity().account() + " fails.";
        String entry = c.directory().display(first.entry().principal());
        boolean viaGroup = first.why().startsWith("a group the account belongs to");
        String fix = (viaGroup
                ? "Take " + c.identity().account() + " out of " + entry + " (deny lists such as Guests usually come from a "
                + "security baseline that should stay), or remove " + entry + " from " + Texts.right(deny) + " "
                + Texts.whereToChange(c, deny)
                : "Remove " + entry + " from " + Texts.right(deny) + " " + Texts.whereToChange(c, deny))
                + ", or run the pool as an identity the deny does not cover. " + Texts.WAS_RETRY;
        return Optional.of(outcome(Verdict.WILL_FAIL, Confidence.DOCUMENTED, c, message, fix, first.entry().provenance()));
    }
}
