package org.logonrights.engine.rules;

import java.util.Optional;
import org.logonrights.engine.Confidence;
import org.logonrights.engine.PoolContext;
import org.logonrights.engine.Severity;
import org.logonrights.engine.Verdict;
import org.logonrights.model.IdentityType;

/** LR011 (D3): a pool running as LocalSystem starts, but any code it runs owns the machine. */
public final class LocalSystemIdentityRule extends BaseRule implements PoolRule {

    public LocalSystemIdentityRule() {
        super("LR011", "localsystem-identity", "The pool runs as LocalSystem", Severity.WARNING,
                "LocalSystem has every privilege on the machine and acts as the computer account on the network; a "
                        + "compromised web application in such a pool compromises the server.");
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
