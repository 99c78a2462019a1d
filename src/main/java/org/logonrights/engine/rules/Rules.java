package org.logonrights.engine.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.logonrights.engine.AuditEngine;
import org.logonrights.engine.EventRule;
import org.logonrights.engine.MachineRule;
import org.logonrights.engine.PoolRule;
import org.logonrights.engine.Rule;

/** The explicit, ordered catalogue of every rule; nothing is found by classpath scanning. */
public final class Rules {

    public static final List<PoolRule> POOL_RULES = List.of(
            new LogonRightNotGrantedRule(),
            new LogonRightDeniedRule(),
            new DenyThroughUncertainSidRule(),
            new GrantOnlyThroughUncertainSidRule(),
            new MembershipUndecidedRule(),
            new AppPoolSidAddedByIisRule(),
            new GpoStripsAppPoolSidRule(),
            new GrantRemovedAtNextRefreshRule(),
            new DenyAddedAtNextRefreshRule(),
            new BuiltInAccountDeniedRule(),
            new LocalSystemIdentityRule(),
            new IdentityIncompleteRule(),
            new IisExpressConfigRule(),
            new NonAsciiPoolNameRule(),
            new GpoOwnershipUnknownRule());

    public static final List<MachineRule> MACHINE_RULES = List.of(
            new OrphanAppPoolSidRule(),
            new UnresolvedPrincipalRule(),
            new UnknownRightRule(),
            new ApplicationPoolMissingRule(),
            new GpoDriftRule());

    /** Decided after each pool's verdict, from the event logs given with --events. */
    public static final List<EventRule> EVENT_RULES = List.of(
            new PredictionContradictedRule());

    private Rules() {
    }

    /** The engine every command runs: every rule of the catalogue, in catalogue order. */
    public static AuditEngine standardEngine() {
        return new AuditEngine(POOL_RULES, MACHINE_RULES, EVENT_RULES);
    }

    /** Every rule, pool rules first, in id order; the event rules last, as they are decided after the verdict. */
    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>(POOL_RULES);
        all.addAll(MACHINE_RULES);
        all.addAll(EVENT_RULES);
        return List.copyOf(all);
    }

    public static Optional<Rule> byId(String id) {
        return all().stream().filter(r -> r.metadata().id().equals(id)).findFirst();
    }
}
