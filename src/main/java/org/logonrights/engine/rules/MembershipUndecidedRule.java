package org.logonrights.engine.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.logonrights.engine.Confidence;
import org.logonrights.engine.Decision;
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
import org.logonrights.model.UserRight;

/**
 * LR005 (D5): without membership data, the verdict of a custom account hinges on groups it may or
 * may not belong to: the worst case fails and the best case does not.
 */
public final class MembershipUndecidedRule extends BaseRule implements PoolRule {

    public MembershipUndecidedRule() {
        super(new RuleMetadata("LR005", "membership-undecided", "The verdict depends on group membership that was not supplied",
                RuleCategory.MEMBERSHIP, Severity.NOTE, Set.of(Verdict.UNKNOWN), Optional.of(Decision.D5), FIRST_RELEASE,
                List.of(References.ACCOUNT_RIGHTS_CONSTANTS, References.AUTHZ_INITIALIZE_CONTEXT_FROM_SID,
                        References.NET_USER_GET_LOCAL_GROUPS, References.LSA_LOGON_USER),
                "A grant or deny entry that is a domain group, a BUILTIN alias or an unresolved name may or may not "
                        + "contain the account; when the best case starts and the worst case fails, only membership data decides (docs/verdicts.md (D5))."));
    }

    @Override
    public Optional<RuleOutcome> evaluate(PoolContext c) {
        UserRight right = c.requiredRight();
        if (right == null || !c.isSpecificUser()) {
            return Optional.empty();
        }
        List<EntryMatch> grants = c.matches(right, When.TODAY);
        List<EntryMatch> denies = c.matches(c.denyRight(), When.TODAY);
        boolean worstFails = PoolContext.strongest(grants, EntryMatch::asGrantWorstCase) == Match.NONE
                || PoolContext.strongest(denies, EntryMatch::asDenyWorstCase) == Match.CERTAIN;
        boolean bestFails = PoolContext.strongest(grants, EntryMatch::asGrantBestCase) == Match.NONE
                || PoolContext.strongest(denies, EntryMatch::asDenyBestCase) == Match.CERTAIN;
        if (!worstFails || bestFails) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        List<EntryMatch> undecidedGrants = grants.stream().filter(m -> m.match() == Match.UNDECIDED).toList();
        List<EntryMatch> undecidedDenies = denies.stream().filter(m -> m.match() == Match.UNDECIDED).toList();
        if (PoolContext.strongest(grants, EntryMatch::asGrantWorstCase) == Match.NONE && !undecidedGrants.isEmpty()) {
            parts.add(Wording.displayAll(c, undecidedGrants) + " (granted " + right.constantName() + ")");
        }
        if (!undecidedDenies.isEmpty()) {
            parts.add(Wording.displayAll(c, undecidedDenies) + " (denied " + c.denyRight().constantName() + ")");
        }
        String why = c.token().hasMembership() ? "the membership data for it is incomplete ("
                + c.token().membership().map(m -> m.source().name()).orElse("") + ")"
                : "no membership data was supplied for it";
        String message = "Whether " + c.identity().account() + " can log on depends on its membership of "
                + String.join(" and of ", parts) + "; " + why + ".";
        String fix = "Supply --memberships with the transitive groups of " + c.identity().account()
                + " (for example from 'whoami /groups /fo csv' run as the account, or Get-ADPrincipalGroupMembership "
                + "expanded transitively); see docs/memberships.md.";
        EntryMatch first = !undecidedGrants.isEmpty() ? undecidedGrants.get(0) : undecidedDenies.get(0);
        return Optional.of(outcome(Verdict.UNKNOWN, Confidence.UNCERTAIN, c, message, fix, first.entry().provenance()));
    }
}
