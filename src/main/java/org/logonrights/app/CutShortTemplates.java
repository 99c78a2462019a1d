package org.logonrights.app;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.logonrights.engine.AuditResult;
import org.logonrights.engine.Confidence;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.ReasonStep;
import org.logonrights.engine.Verdict;
import org.logonrights.engine.WorkerLogon;
import org.logonrights.model.InputNote;
import org.logonrights.model.Provenance;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;
import org.logonrights.sources.SecurityTemplateParser;

/**
 * Lowers the verdicts that need a logon right a security template does not define when that template
 * may have been cut short (docs/bad-input.md, "Files cut short"). A line the template holds is whole
 * (a cut inside a line is refused), so only the rights it lacks are in doubt: a missing deny would
 * turn a failure into a start, a missing grant a start into a failure. Such a WILL_START becomes
 * UNKNOWN and every such verdict UNCERTAIN; a verdict that rests only on rights the file defines keeps
 * its confidence.
 */
final class CutShortTemplates {

    private static final Set<String> CODES = Set.of(SecurityTemplateParser.NO_PRIVILEGE_RIGHTS,
            SecurityTemplateParser.RIGHTS_MAY_BE_CUT);

    private CutShortTemplates() {
    }

    static AuditResult lower(AuditResult result, Snapshot snapshot) {
        List<Provenance> cut = snapshot.notes().stream().filter(n -> CODES.contains(n.code()))
                .map(InputNote::provenance).distinct().toList();
        if (cut.isEmpty()) {
            return result;
        }
        // An export without [Privilege Rights] says nothing of the machine's rights: exported without USER_RIGHTS.
        boolean exportWithoutRights = snapshot.notes().stream().anyMatch(n -> n.code().equals(SecurityTemplateParser.NO_PRIVILEGE_RIGHTS)
                && n.provenance().equals(snapshot.rights().source()));
        List<PoolResult> pools = result.pools().stream().map(p -> exportWithoutRights ? unknown(p, snapshot.rights().source())
                : lower(p, snapshot, cut)).toList();
        return new AuditResult(result.machine(), pools, result.machineFindings(), result.notes());
    }

    private static PoolResult lower(PoolResult pool, Snapshot snapshot, List<Provenance> cut) {
        Set<UserRight> needed = rightsNeeded(pool);
        List<String> doubts = new ArrayList<>();
        Provenance first = null;
        for (Provenance file : cut) {
            List<String> missing = needed.stream().filter(r -> !defines(snapshot, file.file(), r))
                    .map(UserRight::constantName).toList();
            if (!missing.isEmpty()) {
                doubts.add(file.file() + " may be cut short and does not define " + String.join(" or ", missing));
                first = first == null ? file : first;
            }
        }
        if (doubts.isEmpty()) {
            return pool;
        }
        Verdict verdict = pool.verdict() == Verdict.WILL_START ? Verdict.UNKNOWN : pool.verdict();
        List<ReasonStep> reasons = new ArrayList<>(pool.reasons().subList(0, pool.reasons().size() - 1));
        reasons.add(new ReasonStep(ReasonStep.Step.VERDICT, verdict + " (uncertain): " + String.join("; ", doubts)
                + " (see the warning on that input); the lines it holds give " + pool.verdict() + " ("
                + pool.confidence().name().toLowerCase(Locale.ROOT) + ").", first));
        return new PoolResult(pool.name(), pool.identity(), pool.logon(), pool.requiredRight(), verdict,
                Confidence.UNCERTAIN, pool.decidedBy(), reasons, pool.findings(), pool.applications());
    }

    /** A pool that needs a logon right when the export lists none: nothing can be decided. */
    private static PoolResult unknown(PoolResult pool, Provenance export) {
        if (rightsNeeded(pool).isEmpty()) {
            return pool;
        }
        List<ReasonStep> reasons = new ArrayList<>(pool.reasons().subList(0, pool.reasons().size() - 1));
        reasons.add(new ReasonStep(ReasonStep.Step.VERDICT, Verdict.UNKNOWN + " (uncertain): " + export.file()
                + " holds no user rights: export with /areas USER_RIGHTS.", export));
        return new PoolResult(pool.name(), pool.identity(), pool.logon(), pool.requiredRight(), Verdict.UNKNOWN,
                Confidence.UNCERTAIN, null, reasons, pool.findings(), pool.applications());
    }

    /** The rights whose entries decide the pool's logon: the required right and its deny, or a built-in account's deny. */
    private static Set<UserRight> rightsNeeded(PoolResult pool) {
        if (pool.requiredRight() != null) {
            return EnumSet.of(pool.requiredRight(), pool.requiredRight().twin());
        }
        if (pool.logon() == WorkerLogon.BUILT_IN_SESSION) {
            return EnumSet.of(UserRight.DENY_SERVICE);
        }
        return EnumSet.noneOf(UserRight.class);
    }

    private static boolean defines(Snapshot snapshot, String file, UserRight right) {
        if (file.equals(snapshot.rights().source().file())) {
            return snapshot.rights().assignment(right).isPresent();
        }
        return snapshot.groupPolicy() != null && snapshot.groupPolicy().settings().stream()
                .anyMatch(s -> s.right() == right && file.equals(s.provenance().file()));
    }
}
