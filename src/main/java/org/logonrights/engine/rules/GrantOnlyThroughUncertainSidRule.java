package org.logonrights.engine.rules;

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
import org.logonrights.model.IdentityType;
import org.logonrights.model.UserRight;

/**
 * LR004 (D1): the account reaches the right only through a SID WAS injects (typically IIS_IUSRS), which
 * may not count for the logon-right check.
 */
public final class GrantOnlyThroughUncertainSidRule extends BaseRule implements PoolRule {

    public GrantOnlyThroughUncertainSidRule() {
        super(new RuleMetadata("LR004", "grant-only-through-injected-sid",
                "The logon right is reached only through an injected SID",
                RuleCategory.GRANT, Severity.WARNING, Set.of(Verdict.AT_RISK), Optional.of(Decision.D1), FIRST_RELEASE,
                List.of(References.KB981949_IIS_USER_RIGHTS, References.PROCESS_MODEL_GROUP_MEMBERSHIP,
                        References.PROCESS_MODEL_WMI, References.IIS_BUILT_IN_ACCOUNTS, References.LOGON_USER_EX_EX,
                        References.LSA_LOGON_USER),
                "WAS adds IIS_IUSRS (and the pool SID) to a custom account's worker token; whether LSA counts such "
                        + "caller-added SIDs when it checks the logon right is undocumented (docs/windows-facts.md §3.4, docs/verdicts.md (D1))."));
    }

    /**
     * A group worth joining: IIS_IUSRS, unless a GPO defines the right without it (then the refresh
     * would strip it); in that case a non-builtin group the GPO lists.
     */
    private static String suggestedGroup(PoolContext c, UserRight right) {
        var gpo = c.gpoSetting(right);
        if (gpo.isEmpty() || gpo.get().members().stream().anyMatch(e ->
                c.directory().resolve(e.principal()).map(org.logonrights.model.WellKnownSids.IIS_IUSRS::equals).orElse(false))) {
            return "BUILTIN\\IIS_IUSRS";
        }
        return gpo.get().members().stream()
                .filter(e -> c.directory().resolve(e.principal()).map(s -> !org.logonrights.model.WellKnownSids.isWellKnown(s))
                        .orElse(true))
                .map(e -> c.directory().display(e.principal())).findFirst()
                .orElse("a group GPO " + gpo.get().gpo().label() + " lists");
    }

    @Override
    public Optional<RuleOutcome> evaluate(PoolContext c) {
        UserRight right = c.requiredRight();
        if (right == null || c.identity().type() == IdentityType.APPLICATION_POOL_IDENTITY) {
            return Optional.empty();
        }
        List<EntryMatch> matches = c.matches(right, When.TODAY);
        if (PoolContext.strongest(matches, EntryMatch::asGrantWorstCase) != Match.UNCERTAIN) {
            return Optional.empty();
        }
        List<EntryMatch> via = PoolContext.where(matches, EntryMatch::asGrantWorstCase, Match.UNCERTAIN);
        EntryMatch first = via.get(0);
        StringBuilder message = new StringBuilder(c.identity().account()).append(" reaches ").append(Wording.right(right))
                .append(" only through ").append(Wording.displayAll(c, via)).append(": ").append(Wording.why(c, first))
                .append(". Whether LSA counts that SID for the logon-right check is undocumented.");
        List<EntryMatch> undecided = matches.stream().filter(m -> m.match() == Match.UNDECIDED).toList();
        if (!undecided.isEmpty()) {
            message.append(" If the account is a real member of ").append(Wording.displayAll(c, undecided))
                    .append(", it holds the right for certain; supply --memberships to decide.");
        }
        String fix = "Make " + c.identity().account() + " a real member of a group that holds " + Wording.right(right)
                + " (for example " + suggestedGroup(c, right) + "), or grant the right to " + Wording.accountWithSid(c) + " "
                + Wording.whereToChange(c, right) + ".";
        return Optional.of(outcome(Verdict.AT_RISK, Confidence.UNCERTAIN, c, message.toString(), fix,
                first.entry().provenance()));
    }
}
