package org.logonrights.engine.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The explicit, ordered list of every rule; nothing is found by classpath scanning. */
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
            new NonAsciiPoolNameRule());

    public static final List<MachineRule> MACHINE_RULES = List.of(
            new OrphanAppPoolSidRule(),
            new UnresolvedPrincipalRule(),
            new UnknownRightRule(),
            new ApplicationPoolMissingRule(),
            new GpoDriftRule());

    private Rules() {
    }

    /** Every rule, pool rules first, in id order; LR020 last, as it is decided from events after the verdict. */
    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>(POOL_RULES);
        all.addAll(MACHINE_RULES);
        all.add(PredictionContradictedRule.INSTANCE);
        return List.copyOf(all);
    }

    public static Optional<Rule> byId(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
