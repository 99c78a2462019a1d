package org.logonrights.engine;

import java.util.List;
import org.logonrights.model.InputNote;
import org.logonrights.model.MachineInfo;

/** Everything an audit concluded: per-pool results (sorted by name) and machine-level findings. */
public record AuditResult(MachineInfo machine, List<PoolResult> pools, List<Finding> machineFindings,
                          List<InputNote> notes) {
    public AuditResult {
        pools = List.copyOf(pools);
        machineFindings = List.copyOf(machineFindings);
        notes = List.copyOf(notes);
    }

    /** The worst verdict over all pools, or WILL_START when there are none. */
    public Verdict worstVerdict() {
        return pools.stream().map(PoolResult::verdict).reduce(Verdict.WILL_START, Verdict::combine);
    }
}
