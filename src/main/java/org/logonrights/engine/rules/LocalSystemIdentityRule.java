package org.logonrights.engine.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.logonrights.engine.Confidence;
import org.logonrights.engine.Decision;
import org.logonrights.engine.PoolContext;
import org.logonrights.engine.PoolRule;
import org.logonrights.engine.RuleCategory;
import org.logonrights.engine.RuleMetadata;
import org.logonrights.engine.RuleOutcome;
import org.logonrights.engine.Severity;
import org.logonrights.engine.Verdict;
import org.logonrights.model.IdentityType;

/** LR011 (D3): a pool running as LocalSystem starts, but any code it runs owns the machine. */
public final class LocalSystemIdentityRule extends BaseRule implements PoolRule {

    public LocalSystemIdentityRule() {
        super(new RuleMetadata("LR011", "localsystem-identity", "The pool runs as LocalSystem",
                RuleCategory.IDENTITY, Severity.WARNING, Set.of(Verdict.WILL_START), Optional.of(Decision.D3), FIRST_RELEASE,
                List.of(References.PROCESS_MODEL, References.PROCESS_MODEL_IDENTITY_TYPE, References.IIS_BUILT_IN_ACCOUNTS,
                        References.BUILT_IN_SERVICE_ACCOUNTS_LOGON_RIGHTS),
                "LocalSystem has every privilege on the machine and acts as the computer account on the network; a "
                        + "compromised web application in such a pool compromises the server."));
    }

    @Override
    public Optional<RuleOutcome> evaluate(PoolContext c) {
        if (!c.runsAs(IdentityType.LOCAL_SYSTEM)) {
            return Optional.empty();
        }
        String message = "Pool '" + c.pool().name() + "' runs as LocalSystem (NT AUTHORITY\\SYSTEM): it starts, but "
                + "its worker processes hold the highest privileges on the machine.";
        String fix = "Switch the pool to ApplicationPoolIdentity and grant that identity (IIS APPPOOL\\" + c.pool().name()
                + ") only the file and network access it needs.";
        return Optional.of(outcome(Verdict.WILL_START, Confidence.OBSERVED, c, message, fix, c.pool().provenance()));
    }
}
