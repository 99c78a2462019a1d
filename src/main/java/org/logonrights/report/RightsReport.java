package org.logonrights.report;

import java.util.List;
import java.util.Objects;
import org.logonrights.engine.RightsAnalysis.RightSummary;
import org.logonrights.model.MachineInfo;

/** What the {@code rights} renderers receive: each logon right's holders, owner and drift on one machine. */
public record RightsReport(MachineInfo machine, List<RightSummary> rights) {
    public RightsReport {
        Objects.requireNonNull(machine, "machine");
        rights = List.copyOf(rights);
    }

    /** True when Group Policy data was supplied, so that owners and drift are known. */
    public boolean groupPolicyKnown() {
        return !rights.isEmpty() && rights.get(0).groupPolicyKnown();
    }
}
