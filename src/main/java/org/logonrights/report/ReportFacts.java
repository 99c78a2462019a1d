package org.logonrights.report;

import java.util.Locale;
import org.logonrights.engine.AuditResult;
import org.logonrights.engine.Finding;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.ReasonStep;
import org.logonrights.engine.Verdict;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.Provenance;

/** Small facts and phrases several renderers share, so that every format words them the same way. */
final class ReportFacts {

    /** The machine label when the inputs did not name the machine. */
    static final String LOCALHOST = "localhost";

    private ReportFacts() {
    }

    /** The machine's name, or {@value #LOCALHOST} when the inputs did not name it. */
    static String machineLabel(MachineInfo machine) {
        return machine == null || machine.name() == null || machine.name().isBlank() ? LOCALHOST : machine.name();
    }

    static long count(AuditResult result, Verdict verdict) {
        return result.pools().stream().filter(p -> p.verdict() == verdict).count();
    }

    /** "documented", "observed", "uncertain". */
    static String confidence(PoolResult pool) {
        return pool.confidence().name().toLowerCase(Locale.ROOT);
    }

    /** "required right", "group policy": a reason step's label for people. */
    static String stepLabel(ReasonStep step) {
        return step.step().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The finding a verdict is summed up by: the one that decided it, else the first, else the verdict step. */
    static String headline(PoolResult pool) {
        if (pool.decisiveFinding().isPresent()) {
            return pool.decisiveFinding().get().message();
        }
        if (!pool.findings().isEmpty()) {
            return pool.findings().get(0).message();
        }
        return pool.reasons().stream().filter(s -> s.step() == ReasonStep.Step.VERDICT).map(ReasonStep::message)
                .findFirst().orElse(pool.verdict().name());
    }

    /** "LR001 logon-right-not-granted (error)". */
    static String ruleLabel(Finding f) {
        return f.ruleId() + " " + f.ruleName() + " (" + f.severity().name().toLowerCase(Locale.ROOT) + ")";
    }

    /** " [secedit.inf line 12]", or "" when the fact has no file. */
    static String where(Provenance p) {
        if (p == null || p.file() == null) {
            return "";
        }
        return " [" + p.describe() + "]";
    }

    /** A pool that starts is explained anyway when its logged events say it fails (LR020, or another cause). */
    static boolean eventsDisagree(PoolResult p) {
        return p.events() != null && (p.events().agreement() == org.logonrights.engine.Agreement.CONTRADICTED
                || p.events().agreement() == org.logonrights.engine.Agreement.OTHER_CAUSE);
    }
}
