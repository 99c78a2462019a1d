package org.logonrights.engine.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
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
import org.logonrights.engine.Wording;
import org.logonrights.model.GpoGap;
import org.logonrights.model.UserRight;

/**
 * LR021: a GPO that may define the pool's logon right or its deny could not be read, so what the
 * next refresh leaves is unknown. In the worst case that GPO removes the grant or adds a deny
 * (LR007, LR008, LR009), in the best it changes nothing; the worse of the two, as docs/verdicts.md
 * (D5) reports undecided memberships, is {@code AT_RISK}.
 */
public final class GpoOwnershipUnknownRule extends BaseRule implements PoolRule {

    public GpoOwnershipUnknownRule() {
        super(new RuleMetadata("LR021", "gpo-ownership-unknown",
                "A GPO that may define the pool's logon right could not be read",
                RuleCategory.GROUP_POLICY, Severity.WARNING, Set.of(Verdict.AT_RISK), Optional.empty(), FIRST_RELEASE,
                List.of(References.MS_GPSB_SECURITY_EXTENSION, References.MS_RSP_WINREG_PIPE, References.LOG_ON_AS_A_SERVICE,
                        References.MS_GPSB_PRIVILEGE_RIGHTS),
                "A remote audit reads which GPOs the server applied and each one's template; when one of them (or the list "
                        + "itself) cannot be read, it may define the right and replace the local list at the next refresh."));
    }

    @Override
    public Optional<RuleOutcome> evaluate(PoolContext c) {
        UserRight right = c.requiredRight();
        if (right == null || !c.hasGroupPolicyData()) {
            return Optional.empty();
        }
        Set<GpoGap> gaps = new LinkedHashSet<>(c.gpoGaps(right));
        gaps.addAll(c.gpoGaps(c.denyRight()));
        if (gaps.isEmpty()) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        Set<String> fixes = new LinkedHashSet<>();
        for (GpoGap g : gaps) {
            why.add(g.label() + " (" + Wording.gapReason(g.reason()) + ")");
            fixes.add(Wording.gapFix(g.reason()));
        }
        String rights = c.denyRight() == null ? Wording.right(right) : Wording.right(right) + " and " + Wording.right(c.denyRight());
        String message = "Which GPO owns " + rights + " is unknown: " + String.join("; ", why) + ". It may define them for "
                + c.identity().account() + " differently from what is in effect today, and the next policy refresh would then"
                + " remove the grant or add a deny.";
        String fix = String.join(" ", fixes);
        GpoGap first = gaps.iterator().next();
        return Optional.of(outcome(Verdict.AT_RISK, Confidence.UNCERTAIN, c, message, fix, first.provenance()));
    }
}
