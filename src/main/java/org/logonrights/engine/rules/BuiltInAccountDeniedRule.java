package org.logonrights.engine.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.logonrights.engine.Confidence;
import org.logonrights.engine.Decision;
import org.logonrights.engine.PoolContext;
import org.logonrights.engine.PoolContext.When;
import org.logonrights.engine.PoolRule;
import org.logonrights.engine.RuleCategory;
import org.logonrights.engine.RuleMetadata;
import org.logonrights.engine.RuleOutcome;
import org.logonrights.engine.Severity;
import org.logonrights.engine.Verdict;
import org.logonrights.engine.Wording;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.UserRight;

/** LR010 (D3): Deny log on as a service names the built-in account a pool runs as. */
public final class BuiltInAccountDeniedRule extends BaseRule implements PoolRule {

    public BuiltInAccountDeniedRule() {
        super(new RuleMetadata("LR010", "builtin-account-denied", "Deny log on as a service names the pool's built-in account",
                RuleCategory.DENY, Severity.WARNING, Set.of(Verdict.AT_RISK), Optional.of(Decision.D3), FIRST_RELEASE,
                List.of(References.LOG_ON_AS_A_SERVICE, References.LOG_ON_AS_A_SERVICE_2012,
                        References.BUILT_IN_SERVICE_ACCOUNTS_LOGON_RIGHTS, References.PROCESS_MODEL,
                        References.ACCOUNT_RIGHTS_CONSTANTS),
                "Whether LSA enforces deny rights for the built-in LocalSystem, LocalService and NetworkService sessions "
                        + "is unknown (docs/verdicts.md (D3)), so a deny naming the account itself puts the pool at risk."));
    }

    @Override
    public Optional<RuleOutcome> evaluate(PoolContext c) {
        Optional<Sid> builtIn = c.identity().type().builtInSid();
        if (builtIn.isEmpty() || c.isIisExpress()) {
            return Optional.empty();
        }
        for (When when : When.values()) {
            List<RightEntry> hits = c.holders(UserRight.DENY_SERVICE, when).stream()
                    .filter(e -> c.directory().resolve(e.principal()).map(builtIn.get()::equals).orElse(false)).toList();
            if (!hits.isEmpty()) {
                String timing = when == When.TODAY ? "" : " after the next policy refresh (GPO "
                        + c.gpoSetting(UserRight.DENY_SERVICE).map(s -> s.gpo().label()).orElse("?") + ")";
                String message = Wording.right(UserRight.DENY_SERVICE) + " names " + c.identity().account() + timing
                        + ", the account this pool runs as; whether LSA enforces it for built-in service sessions is unknown.";
                String fix = "Remove " + c.identity().account() + " from " + Wording.right(UserRight.DENY_SERVICE) + " "
                        + Wording.whereToChange(c, UserRight.DENY_SERVICE) + ".";
                return Optional.of(outcome(Verdict.AT_RISK, Confidence.UNCERTAIN, c, message, fix, hits.get(0).provenance()));
            }
        }
        return Optional.empty();
    }
}
