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
import org.logonrights.model.IdentityType;
import org.logonrights.model.VirtualAccounts;

/** LR014: a pool name with non-ASCII characters, whose computed SID depends on unverified case folding. */
public final class NonAsciiPoolNameRule extends BaseRule implements PoolRule {

    public NonAsciiPoolNameRule() {
        super(new RuleMetadata("LR014", "non-ascii-pool-name", "The pool SID was computed from a non-ASCII name",
                RuleCategory.IDENTITY, Severity.NOTE, Set.of(Verdict.WILL_START), Optional.empty(), FIRST_RELEASE,
                List.of(References.POOL_SIDS, References.POOL_SID_FROM_NAME, References.MS_LSAT_SERVICE_SIDS),
                "Windows lower-cases the pool name with its own Unicode tables before hashing it into S-1-5-82-…; "
                        + "for non-ASCII names the offline computation is unverified (docs/windows-facts.md §6.4)."));
    }

    @Override
    public Optional<RuleOutcome> evaluate(PoolContext c) {
        if (!c.runsAs(IdentityType.APPLICATION_POOL_IDENTITY)
                || !VirtualAccounts.hasUncertainFolding(c.pool().name())) {
            return Optional.empty();
        }
        String message = "The SID of " + c.identity().account() + " was computed offline as " + c.identity().sid()
                + "; for non-ASCII names Windows may fold case differently, so matches on this SID are uncertain.";
        String fix = "On the server, check the SID with: [System.Security.Principal.NTAccount]'IIS APPPOOL\\"
                + c.pool().name() + "' | % { $_.Translate([System.Security.Principal.SecurityIdentifier]) }";
        return Optional.of(outcome(Verdict.WILL_START, Confidence.UNCERTAIN, c, message, fix, c.pool().provenance()));
    }
}
