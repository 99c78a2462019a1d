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

/** LR013: the configuration is IIS Express, whose workers run as the interactive user. */
public final class IisExpressConfigRule extends BaseRule implements PoolRule {

    public IisExpressConfigRule() {
        super(new RuleMetadata("LR013", "iis-express-config", "The configuration belongs to IIS Express, not to an IIS server",
                RuleCategory.CONFIGURATION, Severity.NOTE, Set.of(Verdict.UNKNOWN), Optional.empty(), FIRST_RELEASE,
                List.of(References.PROCESS_MODEL),
                "IIS Express runs its worker as the user who launched it; pool identities and logon rights play no part, "
                        + "so no verdict about a server can be drawn from this file."));
    }

    @Override
    public Optional<RuleOutcome> evaluate(PoolContext c) {
        if (!c.isIisExpress()) {
            return Optional.empty();
        }
        String message = "Pool '" + c.pool().name() + "' comes from an IIS Express configuration: its worker runs as the "
                + "interactive user, so no logon right is checked.";
        String fix = "Audit the server's %windir%\\System32\\inetsrv\\config\\applicationHost.config instead.";
        return Optional.of(outcome(Verdict.UNKNOWN, Confidence.OBSERVED, c, message, fix, c.snapshot().iis().source()));
    }
}
