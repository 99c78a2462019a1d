package org.logonrights.engine.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.logonrights.engine.Finding;
import org.logonrights.engine.MachineRule;
import org.logonrights.engine.PrincipalDirectory;
import org.logonrights.engine.RuleCategory;
import org.logonrights.engine.RuleMetadata;
import org.logonrights.engine.Severity;
import org.logonrights.model.Application;
import org.logonrights.model.IgnoreCase;
import org.logonrights.model.PoolSource;
import org.logonrights.model.Snapshot;

/** LR018: an application names a pool that does not exist, or no pool at all. */
public final class ApplicationPoolMissingRule extends BaseRule implements MachineRule {

    public ApplicationPoolMissingRule() {
        super(new RuleMetadata("LR018", "application-pool-missing", "An application has no existing application pool",
                RuleCategory.CONFIGURATION, Severity.WARNING, Set.of(), Optional.empty(), FIRST_RELEASE,
                List.of(References.PROCESS_MODEL, References.WAS_EVENTS),
                "IIS serves an application through the pool its applicationPool attribute (or the site or server "
                        + "applicationDefaults) names; a missing pool makes the application answer 503."));
    }

    @Override
    public List<Finding> evaluate(Snapshot snapshot, PrincipalDirectory directory) {
        List<Finding> out = new ArrayList<>();
        Set<String> pools = snapshot.iis().poolKeys();
        for (Application app : snapshot.iis().applications()) {
            if (app.poolSource() == PoolSource.NONE || app.poolName() == null) {
                out.add(machineFinding("Application " + app.displayPath() + " has no application pool: neither it, its "
                                + "site nor the server sets applicationPool.",
                        "Set applicationPool on the application or an applicationDefaults element.", app.provenance()));
            } else if (!pools.contains(IgnoreCase.key(app.poolName()))) {
                out.add(machineFinding("Application " + app.displayPath() + " uses pool '" + app.poolName()
                                + "', which applicationHost.config does not define.",
                        "Create the pool or point the application at an existing one.", app.provenance()));
            }
        }
        return out;
    }
}
