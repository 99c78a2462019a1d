package org.logonrights.engine.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.logonrights.engine.Confidence;
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

/** LR001: no SID the logon can carry holds the right the logon needs (the Server Fault failure). */
public final class LogonRightNotGrantedRule extends BaseRule implements PoolRule {

    public LogonRightNotGrantedRule() {
        super(new RuleMetadata("LR001", "logon-right-not-granted",
                "The pool identity does not hold the logon right its logon needs",
                RuleCategory.GRANT, Severity.ERROR, Set.of(Verdict.WILL_FAIL), Optional.empty(), FIRST_RELEASE,
                List.of(References.ACCOUNT_RIGHTS_CONSTANTS, References.LOGON_USER, References.PROCESS_MODEL,
                        References.PROCESS_MODEL_SCHEMA, References.KB981949_IIS_USER_RIGHTS, References.EVENT_4625),
                "LogonUser fails with ERROR_LOGON_TYPE_NOT_GRANTED (1385) when neither the account nor any group "
                        + "in its token holds the right for the logon type; WAS then disables the pool (events 5021, 5057, 5059)."));
    }

    @Override
    public Optional<RuleOutcome> evaluate(PoolContext c) {
        UserRight right = c.requiredRight();
        if (right == null || c.identity().type() == IdentityType.APPLICATION_POOL_IDENTITY) {
            return Optional.empty();
        }
        List<EntryMatch> matches = c.matches(right, When.TODAY);
        if (PoolContext.strongest(matches, EntryMatch::asGrantBestCase) != Match.NONE) {
            return Optional.empty();
        }
        String holders = c.holders(right, When.TODAY).isEmpty() ? "nobody holds it"
                : "it is held only by " + c.wording().holdersSummary(right, When.TODAY);
        String message = c.identity().account() + " needs " + Wording.right(right) + " for its "
                + c.logon().label().toLowerCase(java.util.Locale.ROOT) + " logon, but no SID its logon carries holds it: "
                + holders + ".";
        StringBuilder fix = new StringBuilder("Grant ").append(Wording.right(right)).append(" to ")
                .append(Wording.accountWithSid(c)).append(' ').append(Wording.whereToChange(c, right))
                .append(", or make the account a real member of a group that holds it. ");
        if (right == UserRight.BATCH) {
            fix.append("Alternatively set processModel logonType=\"LogonService\" and grant ")
                    .append(Wording.right(UserRight.SERVICE)).append(" instead, or switch the pool to ApplicationPoolIdentity. ");
        } else {
            fix.append("Alternatively switch the pool to ApplicationPoolIdentity, whose service right IIS grants itself. ");
        }
        fix.append(Wording.WAS_RETRY);
        return Optional.of(outcome(Verdict.WILL_FAIL, Confidence.DOCUMENTED, c, message, fix.toString(),
                c.snapshot().rights().assignment(right).map(a -> a.provenance()).orElse(c.snapshot().rights().source())));
    }
}
