package org.logonrights.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.logonrights.engine.PoolContext.When;
import org.logonrights.engine.ReasonStep.Step;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.GpoGap;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.IdentityType;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.ProcessModel;
import org.logonrights.model.RightEntry;
import org.logonrights.model.UserRight;
import org.logonrights.model.ValueOrigin;

/**
 * Writes a pool's reason chain in the order docs/verdicts.md, "The reason chain" fixes: identity,
 * logon type, required right, membership, grants, denies, Group Policy, verdict, each step citing
 * its evidence. Shared words come from {@link Wording}.
 */
final class ReasonChain {

    private ReasonChain() {
    }

    static List<ReasonStep> build(PoolContext c, Verdict verdict, Confidence confidence, List<RuleOutcome> outcomes) {
        List<ReasonStep> steps = new ArrayList<>();
        identity(c, steps);
        logon(c, steps);
        if (c.requiredRight() != null) {
            requiredRight(c, steps);
            membership(c, steps);
            grants(c, steps);
            denies(c, c.denyRight(), steps);
            groupPolicy(c, steps, c.requiredRight(), c.denyRight());
        } else if (c.logon() == WorkerLogon.BUILT_IN_SESSION && c.identity().type().isBuiltInServiceAccount()) {
            // Under IIS Express the worker runs as the interactive user: no built-in account logs on.
            denies(c, UserRight.DENY_SERVICE, steps);
            groupPolicy(c, steps, UserRight.DENY_SERVICE);
        }
        steps.add(verdictStep(verdict, confidence, outcomes));
        return steps;
    }

    private static void identity(PoolContext c, List<ReasonStep> steps) {
        ProcessModel pm = c.pool().processModel();
        String origin = origin(pm.originOf("identityType"));
        if (c.isIisExpress()) {
            steps.add(new ReasonStep(Step.IDENTITY, "Pool '" + c.pool().name() + "' belongs to an IIS Express configuration; "
                    + "its worker runs as the user who started IIS Express, whatever identityType says.", c.pool().provenance()));
            return;
        }
        String who = switch (c.identity().type()) {
            case SPECIFIC_USER -> c.identity().account() == null ? "a SpecificUser identity with no user name"
                    : "the custom account " + c.identity().account() + " (" + scope(c.identity()) + ")";
            case APPLICATION_POOL_IDENTITY -> "its virtual account " + c.identity().account() + sidOf(c.identity());
            default -> "the built-in account " + c.identity().account() + sidOf(c.identity());
        };
        steps.add(new ReasonStep(Step.IDENTITY, "Pool '" + c.pool().name() + "' runs as " + who + "; identityType "
                + c.identity().type().iisName() + " is " + origin + ".", c.pool().provenance()));
    }

    /** " (S-1-…)", or nothing when no SID applies (IIS Express runs every pool as the interactive user). */
    private static String sidOf(PoolIdentity id) {
        return id.sid() == null ? "" : " (" + id.sid() + ")";
    }

    private static String scope(PoolIdentity id) {
        return switch (id.scope()) {
            case LOCAL -> "a local account of this server";
            case DOMAIN -> "a domain account";
            default -> "account kind unknown";
        };
    }

    private static void logon(PoolContext c, List<ReasonStep> steps) {
        String text = switch (c.logon()) {
            case BATCH -> "WAS creates the worker with a batch logon (LogonUser, LOGON32_LOGON_BATCH): processModel "
                    + "logonType is LogonBatch, " + origin(c.pool().processModel().originOf("logonType")) + ".";
            case SERVICE -> c.identity().type() == IdentityType.APPLICATION_POOL_IDENTITY
                    ? "WAS logs the virtual account on with a service-type logon (the worker token holds SERVICE, "
                    + "not BATCH; observed), so the batch right plays no part."
                    : "WAS creates the worker with a service logon (LogonUser, LOGON32_LOGON_SERVICE): processModel "
                    + "logonType is LogonService, " + origin(c.pool().processModel().originOf("logonType")) + ".";
            case BUILT_IN_SESSION -> "The worker runs in the built-in " + c.identity().account()
                    + " service logon session; no logon right is checked for it in practice (observed).";
            case NONE -> c.isIisExpress()
                    ? "IIS Express runs the worker as the interactive user: no pool logon takes place."
                    : "Without a user name there is no logon to evaluate.";
        };
        steps.add(ReasonStep.of(Step.LOGON, text));
    }

    private static void requiredRight(PoolContext c, List<ReasonStep> steps) {
        UserRight r = c.requiredRight();
        String text = "LSA requires " + Wording.right(r) + " for the account or a group in its token, and no matching entry in "
                + Wording.right(c.denyRight()) + "; a deny always beats a grant.";
        if (c.identity().type() == IdentityType.APPLICATION_POOL_IDENTITY) {
            text += " IIS grants " + r.constantName() + " to the pool SID itself when it starts and before each worker launch.";
        }
        steps.add(ReasonStep.of(Step.REQUIRED_RIGHT, text));
    }

    private static void membership(PoolContext c, List<ReasonStep> steps) {
        if (!c.isSpecificUser()) {
            return;
        }
        Optional<AccountMembership> m = c.token().membership();
        if (m.isEmpty()) {
            steps.add(ReasonStep.of(Step.MEMBERSHIP, "No group membership was supplied for " + c.identity().account()
                    + " (--memberships): entries that are domain groups, BUILTIN aliases or unresolved names are undecided."));
            return;
        }
        AccountMembership am = m.get();
        // A remote membership names where it was read (tokenGroups on the DC, SAMR on the server).
        String where = am.source() == MembershipSource.REMOTE_TOKEN_GROUPS && am.provenance().element() != null
                ? " (" + am.provenance().element() + ")" : "";
        steps.add(new ReasonStep(Step.MEMBERSHIP, "Group membership of " + c.identity().account() + ": "
                + am.groups().size() + " group(s) from " + am.source().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + where + (c.token().membershipComplete() ? "" : " (known to be incomplete)") + ".", am.provenance()));
    }

    private static void grants(PoolContext c, List<ReasonStep> steps) {
        UserRight r = c.requiredRight();
        List<RightEntry> holders = c.holders(r, When.TODAY);
        List<EntryMatch> relevant = c.matches(r, When.TODAY).stream().filter(m -> m.match() != Match.NONE).toList();
        if (holders.isEmpty()) {
            steps.add(new ReasonStep(Step.GRANT, "Nobody holds " + r.constantName() + " in " + c.snapshot().rights().source().describe() + ".",
                    c.snapshot().rights().source()));
        } else if (relevant.isEmpty()) {
            steps.add(new ReasonStep(Step.GRANT, c.wording().noGrantSentence(r),
                    c.snapshot().rights().assignment(r).map(a -> a.provenance()).orElse(null)));
        }
        for (EntryMatch m : relevant) {
            steps.add(new ReasonStep(Step.GRANT, r.constantName() + " is granted to " + c.directory().display(m.entry().principal())
                    + ": " + Wording.why(c, m) + " [" + m.match().name().toLowerCase(Locale.ROOT) + "].", m.entry().provenance()));
        }
    }

    private static void denies(PoolContext c, UserRight deny, List<ReasonStep> steps) {
        List<RightEntry> holders = c.holders(deny, When.TODAY);
        List<EntryMatch> relevant;
        if (c.identity().type().isBuiltInServiceAccount()) {
            relevant = holders.stream().map(e -> c.token().classify(e, c.directory(), false))
                    .filter(m -> m.match() == Match.CERTAIN && c.identity().sid().equals(m.resolvedSid())).toList();
        } else {
            relevant = c.matches(deny, When.TODAY).stream().filter(m -> m.match() != Match.NONE).toList();
        }
        if (holders.isEmpty()) {
            steps.add(ReasonStep.of(Step.DENY, "Nobody holds " + deny.constantName() + "."));
        } else if (relevant.isEmpty()) {
            steps.add(new ReasonStep(Step.DENY, c.wording().noDenySentence(deny),
                    c.snapshot().rights().assignment(deny).map(a -> a.provenance()).orElse(null)));
        }
        boolean builtIn = c.identity().type().isBuiltInServiceAccount();
        for (EntryMatch m : relevant) {
            String label = builtIn ? "names the account itself; whether LSA enforces it for built-in sessions is unknown"
                    : m.match().name().toLowerCase(Locale.ROOT);
            steps.add(new ReasonStep(Step.DENY, deny.constantName() + " lists " + c.directory().display(m.entry().principal())
                    + ": " + Wording.why(c, m) + " [" + label + "].", m.entry().provenance()));
        }
    }

    private static void groupPolicy(PoolContext c, List<ReasonStep> steps, UserRight... rights) {
        if (!c.hasGroupPolicyData()) {
            steps.add(ReasonStep.of(Step.GROUP_POLICY, "No Group Policy data was supplied (--gpresult or --gpo-template): "
                    + "which GPO owns " + String.join(" and ", java.util.Arrays.stream(rights).map(UserRight::constantName).toList())
                    + " was not checked."));
            return;
        }
        for (UserRight r : rights) {
            Optional<GpoRightSetting> w = c.gpoSetting(r);
            List<GpoGap> gaps = c.gpoGaps(r);
            if (!gaps.isEmpty()) {
                String unread = String.join("; ", gaps.stream().map(g -> g.label() + ": " + Wording.gapReason(g.reason())).toList());
                steps.add(new ReasonStep(Step.GROUP_POLICY, "Which GPO owns " + r.constantName() + " is unknown: " + unread
                        + (w.isEmpty() ? "; no GPO that was read defines it." : "; of those read, GPO " + w.get().gpo().label()
                        + " defines it, but the unread one may rank above it."), gaps.get(0).provenance()));
                continue;
            }
            if (w.isEmpty()) {
                steps.add(ReasonStep.of(Step.GROUP_POLICY, "No GPO defines " + r.constantName() + "; the local assignment stays."));
                continue;
            }
            StringBuilder b = new StringBuilder(r.constantName()).append(" is defined by GPO ").append(w.get().gpo().label());
            if (w.get().members().isEmpty()) {
                b.append(" as empty (nobody holds it after a refresh)");
            }
            b.append(r.isDeny() ? "; its list replaces the local one at every refresh"
                    : "; local grants are overwritten at the next refresh");
            List<GpoRightSetting> losers = c.snapshot().groupPolicy().losing(r);
            if (!losers.isEmpty()) {
                b.append(" (it wins over ").append(String.join(", ", losers.stream()
                        .map(l -> l.gpo().label() + " at precedence " + l.precedence()).toList())).append(')');
            }
            steps.add(new ReasonStep(Step.GROUP_POLICY, b.append('.').toString(), w.get().provenance()));
        }
    }

    private static ReasonStep verdictStep(Verdict verdict, Confidence confidence, List<RuleOutcome> outcomes) {
        Optional<RuleOutcome> decisive = verdict == Verdict.WILL_START ? Optional.empty()
                : outcomes.stream().filter(o -> o.verdict() == verdict).findFirst();
        String why = decisive.map(o -> "decided by " + o.finding().ruleId() + " " + o.finding().ruleName()
                        + " (see the finding below).")
                .orElse(verdict == Verdict.WILL_START ? "every condition of the logon holds." : "");
        return new ReasonStep(Step.VERDICT, verdict + " (" + confidence.name().toLowerCase(Locale.ROOT) + "): " + why,
                decisive.map(o -> o.finding().location()).orElse(null));
    }

    private static String origin(ValueOrigin o) {
        return switch (o) {
            case POOL -> "set on the pool";
            case POOL_DEFAULTS -> "inherited from applicationPoolDefaults";
            case SCHEMA_DEFAULT -> "the IIS schema default";
        };
    }
}
