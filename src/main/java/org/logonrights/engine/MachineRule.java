package org.logonrights.engine;

import java.util.List;
import org.logonrights.model.Snapshot;

/** A rule evaluated once per machine (orphan SIDs, drift, unresolved names); it forces no verdict. */
public non-sealed interface MachineRule extends Rule {
    List<Finding> evaluate(Snapshot snapshot, PrincipalDirectory directory);
}
