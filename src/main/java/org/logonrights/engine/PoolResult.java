package org.logonrights.engine;

import java.util.List;
import org.logonrights.model.Application;
import org.logonrights.model.UserRight;

/** The engine's answer for one pool: verdict, confidence, the reason chain and the findings. */
public record PoolResult(String name, PoolIdentity identity, WorkerLogon logon, UserRight requiredRight,
                         Verdict verdict, Confidence confidence, List<ReasonStep> reasons,
                         List<Finding> findings, List<Application> applications) {
    public PoolResult {
        reasons = List.copyOf(reasons);
        findings = List.copyOf(findings);
        applications = List.copyOf(applications);
    }
}
