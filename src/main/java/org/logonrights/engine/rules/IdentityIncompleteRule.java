package org.logonrights.engine.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.logonrights.engine.Confidence;
import org.logonrights.engine.PoolContext;
import org.logonrights.engine.PoolRule;
import org.logonrights.engine.RuleCategory;
import org.logonrights.engine.RuleMetadata;
import org.logonrights.engine.RuleOutcome;
import org.logonrights.engine.Severity;
import org.logonrights.engine.Verdict;

/** LR012: a SpecificUser pool with no user name cannot be evaluated (and WAS cannot log it on). */
public final class IdentityIncompleteRule extends BaseRule implements PoolRule {

    public IdentityIncompleteRule() {
        super(new RuleMetadata("LR012", "identity-incomplete", "The pool's SpecificUser identity has no user name",
                RuleCategory.IDENTITY, Severity.WARNING, Set.of(Verdict.UNKNOWN), Optional.empty(), FIRST_RELEASE,
                List.of(References.PROCESS_MODEL, References.PROCESS_MODEL_SCHEMA, References.PROCESS_MODEL_IDENTITY_TYPE,
                        References.WAS_EVENTS),
                "identityType SpecificUser needs processModel userName; a pool that inherits SpecificUser from "
                        + "applicationPoolDefaults without a user name has no account to log on."));
    }

    @Override
    public Optional<RuleOutcome> evaluate(PoolContext c) {
        if (!c.isSpecificUser() || c.identity().account() != null || c.isIisExpress()) {
            return Optional.empty();
        }
        String message = "Pool '" + c.pool().name() + "' has identityType SpecificUser ("
                + c.pool().processModel().originOf("identityType").name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + ") but no userName, so there is no account whose logon rights could be checked.";
        String fix = "Set processModel userName and password for pool '" + c.pool().name()
                + "' (appcmd set apppool), or set identityType=\"ApplicationPoolIdentity\".";
        return Optional.of(outcome(Verdict.UNKNOWN, Confidence.UNCERTAIN, c, message, fix, c.pool().provenance()));
    }
}
