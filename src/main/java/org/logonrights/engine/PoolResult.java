package org.logonrights.engine;

import java.util.List;
import org.logonrights.model.Application;
import org.logonrights.model.UserRight;

/**
 * The engine's answer for one pool: verdict, confidence, the reason chain and the findings.
 * {@code decidedBy} is the id of the rule whose outcome set the verdict, or null when no rule
 * fired (the pool starts because every condition holds). {@code events} is null unless event logs
 * were supplied.
 */
public record PoolResult(String name, PoolIdentity identity, WorkerLogon logon, UserRight requiredRight,
                         Verdict verdict, Confidence confidence, String decidedBy, List<ReasonStep> reasons,
                         List<Finding> findings, List<Application> applications, PoolEvents events) {
    public PoolResult {
        reasons = List.copyOf(reasons);
        findings = List.copyOf(findings);
        applications = List.copyOf(applications);
    }

    /** A result not held against any event log ({@code events} is null then). */
    public PoolResult(String name, PoolIdentity identity, WorkerLogon logon, UserRight requiredRight, Verdict verdict,
                      Confidence confidence, String decidedBy, List<ReasonStep> reasons, List<Finding> findings,
                      List<Application> applications) {
        this(name, identity, logon, requiredRight, verdict, confidence, decidedBy, reasons, findings, applications, null);
    }

    /** The same result held against the server's events. */
    public PoolResult withEvents(PoolEvents held) {
        return new PoolResult(name, identity, logon, requiredRight, verdict, confidence, decidedBy, reasons, findings,
                applications, held);
    }

    /** The finding of the rule that decided the verdict, if any. */
    public java.util.Optional<Finding> decisiveFinding() {
        return findings.stream().filter(f -> f.ruleId().equals(decidedBy)).findFirst();
    }
}
